using System.Text.RegularExpressions;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Policy.Api.RuleTesting;

// Body: { "action": "orders.place", "caller": { "kind": "user", "name": "bob" },
//         "whatIf": { "amount": 150, "country": "US", "company": "Northwind Traders", "time": "2025-06-02T09:00:00Z",
//                     "lastSignIn": "…", "categories": ["Grinders"], "priceChangePercent": 25, "groups": ["pricing-leads"] } }
public sealed partial record RuleTestRequest(string? Action, RuleTestCaller? Caller, RuleWhatIf? WhatIf)
{
    public Dictionary<string, string[]> Validate(TestClients clients)
    {
        var errors = new Dictionary<string, string[]>();
        if (Action is null || !AccessActions.All.Contains(Action))
            errors["action"] = [$"Choose an action: {string.Join(" or ", AccessActions.All)}."];

        if (Caller?.Kind is not (RuleTestCaller.User or RuleTestCaller.Client))
            errors["caller.kind"] = ["Choose a user or a client."];
        if (string.IsNullOrWhiteSpace(Caller?.Name) || Caller.Name.Length > RuleValidation.MaxNameLength)
            errors["caller.name"] = ["Choose who makes the request."];
        else if (Caller.IsClient && !clients.Contains(Caller.Name))
            errors["caller.name"] = [$"Choose one of the clients: {string.Join(", ", clients.ClientIds)}."];

        var whatIf = WhatIf ?? new RuleWhatIf();
        if (whatIf.Amount is < 0 or > 1_000_000_000)
            errors["whatIf.amount"] = ["Enter an amount from 0 to 1,000,000,000."];
        if (whatIf.PriceChangePercent is < 0 or > 100_000)
            errors["whatIf.priceChangePercent"] = ["Enter a percentage from 0 to 100,000."];
        if (whatIf.TypedCountry is { } country && !CountryCode().IsMatch(country))
            errors["whatIf.country"] = ["Enter a two-letter country code, such as DE."];
        if (whatIf.TypedCompany is { Length: > RuleValidation.MaxNameLength })
            errors["whatIf.company"] = [$"Keep the company to {RuleValidation.MaxNameLength} characters."];
        if (!IsNameList(whatIf.Categories))
            errors["whatIf.categories"] = [$"Enter up to {RuleValidation.MaxListLength} categories, each a name."];
        if (!IsNameList(whatIf.Groups))
            errors["whatIf.groups"] = [$"Enter up to {RuleValidation.MaxListLength} groups, each a name."];
        return errors;
    }

    private static bool IsNameList(IReadOnlyList<string>? names) =>
        names is null || (names.Count <= RuleValidation.MaxListLength
            && names.All(name => !string.IsNullOrWhiteSpace(name) && name.Length <= RuleValidation.MaxNameLength));

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex CountryCode();
}

public sealed record RuleTestCaller(string? Kind, string? Name)
{
    public const string User = "user";
    public const string Client = "client";

    public bool IsUser => Kind == User;

    public bool IsClient => Kind == Client;
}

/// <summary>Values the admin typed instead of the caller's real ones; each one present wins over its source.</summary>
public sealed record RuleWhatIf(
    decimal? Amount = null,
    string? Country = null,
    DateTimeOffset? Time = null,
    DateTimeOffset? LastSignIn = null,
    IReadOnlyList<string>? Categories = null,
    decimal? PriceChangePercent = null,
    IReadOnlyList<string>? Groups = null,
    string? Company = null)
{
    // A form sends an empty field as "": that is nothing typed, not a country called "".
    public string? TypedCountry => string.IsNullOrWhiteSpace(Country) ? null : Country.Trim().ToUpperInvariant();

    public string? TypedCompany => string.IsNullOrWhiteSpace(Company) ? null : Company.Trim();
}
