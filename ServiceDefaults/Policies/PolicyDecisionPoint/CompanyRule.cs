using System.Collections.Frozen;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

/// <summary>
/// Products of a category are sold only to customers of given companies (a trade-only category). The company
/// comes from the user's company identity provider, brokered by the realm, and is not in the access token:
/// the PIP asks userinfo, in the same lookup as the country.
/// </summary>
public sealed class CompanyRule(AccessRule definition, IEnumerable<string> companies, string category) : CompiledRule(definition)
{
    private readonly FrozenSet<string> companies = companies.Select(c => c.Trim()).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public override bool ReadsUserInfo => true;

    public override RuleVerdict Evaluate(AccessRequest request)
    {
        if (!Contains(request.ProductCategories.Value, category, StringComparison.OrdinalIgnoreCase)) return RuleVerdict.NotApplicable;
        // An allow-list: unknown (userinfo failed, or no company on record) is not on it.
        if (request.Company.Value is not { } company) return RuleVerdict.Refused;
        return companies.Contains(company.Trim()) ? RuleVerdict.Satisfied : RuleVerdict.Refused;
    }

    public override string Explain(AccessRequest request) =>
        request.Company.Source == AttributeSource.Unavailable
            ? $"Products in {category} cannot be ordered while your company cannot be looked up. Try again in a moment."
            : $"Products in {category} are sold to business customers of {string.Join(" or ", companies.Order(StringComparer.OrdinalIgnoreCase))} only. " +
                "Remove them from your cart to order the rest.";

    public override IEnumerable<DecisionAttribute> AttributesRead(AccessRequest request) =>
    [
        new("order.categories", string.Join(", ", request.ProductCategories.Value), request.ProductCategories.Source),
        new("user.company", request.Company.Value ?? "none", request.Company.Source),
    ];
}
