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

    public override bool ReadsUserInfo => true;

    public override RuleVerdict Evaluate(AccessRequest request)
    {
        if (!Contains(request.ProductCategories.Value, category, StringComparison.OrdinalIgnoreCase)) return RuleVerdict.NotApplicable;
        // Unknown (userinfo failed, or no country on record: an attribute dropped on import, a mapper moved out
        // of the scope): refuse rather than guess. A deny-list that lets the unknown through is no restriction.
        if (request.Country.Value is not { } country) return RuleVerdict.Refused;
        return countries.Contains(country) ? RuleVerdict.Refused : RuleVerdict.Satisfied;
    }

    public override string Explain(AccessRequest request) =>
        request.Country switch
        {
            { Source: AttributeSource.Unavailable } => $"Products in {category} cannot be ordered while your country cannot be looked up. Try again in a moment.",
            { Value: null } => $"Products in {category} can be ordered only with a country on your account. Ask us to add it, or remove them from your cart.",
            { Value: var country } => $"Products in {category} cannot be ordered from {country}. Remove them from your cart to order the rest.",
        };

    public override IEnumerable<DecisionAttribute> AttributesRead(AccessRequest request) =>
    [
        new("order.categories", string.Join(", ", request.ProductCategories.Value), request.ProductCategories.Source),
        new("user.country", request.Country.Value ?? "none", request.Country.Source),
    ];
}
