using System.Collections.Frozen;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

/// <summary>
/// Customers in given countries may not order products of a category (an export restriction, say). The
/// country is not in the access token: the PIP asks the identity provider's userinfo endpoint.
/// </summary>
public sealed class LocationRule(AccessRule definition, IEnumerable<string> countries, string category) : CompiledRule(definition)
{
    private readonly FrozenSet<string> countries = countries.Select(c => c.ToUpperInvariant()).ToFrozenSet(StringComparer.Ordinal);

    public override bool ReadsCountry => true;

    public override RuleVerdict Evaluate(AccessRequest request)
    {
        if (!Contains(request.ProductCategories.Value, category, StringComparison.OrdinalIgnoreCase)) return RuleVerdict.NotApplicable;
        // Unknown because userinfo failed: refuse rather than guess; a missing attribute is simply "not listed".
        if (request.Country.Source == AttributeSource.Unavailable) return RuleVerdict.Refused;
        return request.Country.Value is { } country && countries.Contains(country) ? RuleVerdict.Refused : RuleVerdict.Satisfied;
    }

    public override string Explain(AccessRequest request) =>
        request.Country.Source == AttributeSource.Unavailable
            ? $"Products in {category} cannot be ordered while your country cannot be looked up. Try again in a moment."
            : $"Products in {category} cannot be ordered from {request.Country.Value}. Remove them from your cart to order the rest.";

    public override IEnumerable<DecisionAttribute> AttributesRead(AccessRequest request) =>
    [
        new("order.categories", string.Join(", ", request.ProductCategories.Value), request.ProductCategories.Source),
        new("user.country", request.Country.Value ?? "none", request.Country.Source),
    ];
}
