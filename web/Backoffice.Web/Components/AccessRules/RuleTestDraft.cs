using System.Globalization;
using ShopAuthDemo.Backoffice.Web.Apis;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Backoffice.Web.Components.AccessRules;

/// <summary>
/// The "Test a request" form as typed. An empty what-if field means "as it really is": the caller's country,
/// company and groups from the user directory, the clock's time; a typed one replaces it (source WhatIf in the answer).
/// </summary>
public sealed class RuleTestDraft
{
    public string Action { get; set; } = AccessActions.PlaceOrder;
    /// <summary>"user:alice" or "client:orders-api".</summary>
    public string Caller { get; set; } = "";

    public string Amount { get; set; } = "";
    public string Country { get; set; } = "";
    public string Company { get; set; } = "";
    /// <summary>A browser datetime-local value ("2026-03-02T09:30"), read as UTC.</summary>
    public string Time { get; set; } = "";
    public string LastSignIn { get; set; } = "";
    public string Categories { get; set; } = "";
    public string PriceChangePercent { get; set; } = "";
    public string Groups { get; set; } = "";

    public static string CallerValue(string kind, string name) => $"{kind}:{name}";

    /// <returns>The request, or null with <paramref name="errors"/> filled for what cannot be read.</returns>
    public RuleTestRequest? ToRequest(Dictionary<string, string[]> errors)
    {
        errors.Clear();
        var caller = Caller.Split(':', 2);
        if (caller.Length != 2 || caller[0] is not ("user" or "client") || caller[1].Length == 0)
            errors["caller"] = ["Choose a user or a client."];

        var whatIf = new RuleWhatIf(
            Amount: Read(Amount, "whatIf.amount", "Enter an amount such as 150.00.", RuleDraft.Decimal, errors),
            Country: string.IsNullOrWhiteSpace(Country) ? null : Country.Trim().ToUpperInvariant(),
            Time: Read(Time, "whatIf.time", "Enter a date and time.", Instant, errors),
            LastSignIn: Read(LastSignIn, "whatIf.lastSignIn", "Enter a date and time.", Instant, errors),
            Categories: RuleDraft.List(Categories),
            PriceChangePercent: Read(PriceChangePercent, "whatIf.priceChangePercent", "Enter a percentage such as 25.", RuleDraft.Decimal, errors),
            Groups: RuleDraft.List(Groups),
            Company: string.IsNullOrWhiteSpace(Company) ? null : Company.Trim());
        return errors.Count > 0 ? null : new RuleTestRequest(Action, new RuleTestCaller(caller[0], caller[1]), whatIf);
    }

    private static T? Read<T>(string text, string key, string message, Func<string, T?> parse, Dictionary<string, string[]> errors)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = parse(text);
        if (value is null) errors[key] = [message];
        return value;
    }

    private static DateTimeOffset? Instant(string text) =>
        DateTime.TryParseExact(text.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var utc)
            ? new DateTimeOffset(utc, TimeSpan.Zero)
            : DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant : null;
}
