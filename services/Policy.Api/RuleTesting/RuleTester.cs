using ShopAuthDemo.Policy.Api.PolicyInformationPoint;
using ShopAuthDemo.Policy.Api.Rules;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;

namespace ShopAuthDemo.Policy.Api.RuleTesting;

/// <summary>
/// "Test a request": builds the access request a service would build, from the user directory or the
/// admin's what-if values instead of a token, userinfo and a real order, and decides it with the same
/// <see cref="AccessRuleSet"/> the services run, on the stored rules. Reads only: no order, no price changes.
/// </summary>
public sealed class RuleTester(RuleStore rules, UserDirectory directory, TimeProvider clock)
{
    /// <returns>The decision, or null when the caller is a user the directory does not know.</returns>
    /// <exception cref="UserDirectoryUnavailableException">A user caller could not be looked up.</exception>
    public async Task<RuleTestResponse?> TestAsync(RuleTestRequest test, CancellationToken cancellationToken)
    {
        DirectoryUser? user = null;
        if (test.Caller!.IsUser && (user = await directory.FindAsync(test.Caller.Name!, cancellationToken)) is null)
        {
            return null;
        }

        var whatIf = test.WhatIf ?? new RuleWhatIf();
        var decision = AccessRuleSet.From(await rules.ReadAsync(cancellationToken)).Decide(RequestFor(test.Action!, user, whatIf));

        var attributes = decision.Attributes().ToList();
        if (user is not null)
        {
            // Not read by any rule (the services check roles before the rules), but it explains a refusal there.
            attributes.Add(new("user.roles", string.Join(", ", user.Roles), AttributeSource.UserDirectory));
        }

        return new RuleTestResponse(decision.Outcome, decision.Rule, Explain(decision, user, whatIf), decision.MaxAgeSeconds, attributes);
    }

    private AccessRequest RequestFor(string action, DirectoryUser? user, RuleWhatIf whatIf) => new()
    {
        Action = action,
        Subject = user is null ? Sourced<string?>.Absent(null) : new(user.Id, AttributeSource.UserDirectory),
        Country = whatIf.TypedCountry is { } country ? new(country, AttributeSource.WhatIf)
            : user is null ? Sourced<string?>.Absent(null) : new(user.Country, AttributeSource.UserDirectory),
        Company = whatIf.TypedCompany is { } company ? new(company, AttributeSource.WhatIf)
            : user is null ? Sourced<string?>.Absent(null) : new(user.Company, AttributeSource.UserDirectory),
        Groups = whatIf.Groups is { } groups ? new(groups, AttributeSource.WhatIf)
            : user is null ? Sourced<IReadOnlyCollection<string>>.Absent([]) : new(user.Groups, AttributeSource.UserDirectory),
        // The last sign-in is in the user's token (auth_time), which the tester does not have.
        AuthenticatedAt = whatIf.LastSignIn is { } signedIn ? new(signedIn, AttributeSource.WhatIf) : Sourced<DateTimeOffset?>.Absent(null),
        OrderTotal = whatIf.Amount is { } amount ? new(amount, AttributeSource.WhatIf) : Sourced<decimal?>.Absent(null),
        ProductCategories = whatIf.Categories is { } categories ? new(categories, AttributeSource.WhatIf) : Sourced<IReadOnlyCollection<string>>.Absent([]),
        PriceChangePercent = whatIf.PriceChangePercent is { } percent ? new(percent, AttributeSource.WhatIf) : Sourced<decimal?>.Absent(null),
        Now = whatIf.Time is { } time ? new(time, AttributeSource.WhatIf) : new(clock.GetUtcNow(), AttributeSource.Clock),
    };

    // A step-up asked for because no sign-in time is known here would mislead without this sentence.
    private static string Explain(AccessDecision decision, DirectoryUser? user, RuleWhatIf whatIf) =>
        decision.Outcome == DecisionOutcome.StepUp && user is not null && whatIf.LastSignIn is null
            ? $"{decision.Reason} The tester cannot know when {user.Username} last signed in (only their token says so): " +
                "type a last sign-in to try one."
            : decision.Reason;
}
