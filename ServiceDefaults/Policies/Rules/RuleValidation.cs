using System.Text.RegularExpressions;

namespace ShopAuthDemo.ServiceDefaults.Policies.Rules;

/// <summary>
/// Checks a rule before it is stored, field by field, so an admin sees every mistake at once (400 with
/// field errors). Keys are the JSON paths of the fields, such as <c>parameters.amountAbove</c>.
/// </summary>
public static partial class RuleValidation
{
    public const int MaxNameLength = 100;
    public const int MaxListLength = 50;
    public const int MaxCompanies = 20;
    private const int MaxMinutes = 7 * 24 * 60;

    public static Dictionary<string, string[]> Validate(AccessRuleInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Name)) errors["name"] = ["Give the rule a name."];
        else if (input.Name.Length > MaxNameLength) errors["name"] = [$"Keep the name to {MaxNameLength} characters."];

        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors["kind"] = ["Choose a kind: StepUp, Time, Location, Group or Company."];
            return errors;
        }

        var p = input.Parameters ?? new RuleParameters();
        switch (kind)
        {
            case RuleKind.StepUp:
                if (p.AmountAbove is not (>= 0 and <= 1_000_000)) Add(errors, "amountAbove", "Enter an amount from 0 to 1,000,000.");
                if (p.MaxAgeMinutes is not (>= 1 and <= MaxMinutes)) Add(errors, "maxAgeMinutes", $"Enter minutes from 1 to {MaxMinutes}.");
                break;
            case RuleKind.Time:
                if (p.Weekdays is not { Count: > 0 and <= 7 } days || days.Any(d => !Enum.IsDefined(d)) || days.Distinct().Count() != days.Count)
                    Add(errors, "weekdays", "Pick one or more weekdays, each once.");
                if (p.From is null) Add(errors, "from", "Enter the time the window opens (HH:mm).");
                if (p.Until is null) Add(errors, "until", "Enter the time the window closes (HH:mm).");
                if (p.From is { } from && p.Until is { } until && until <= from)
                    Add(errors, "until", "The window must close after it opens, on the same day.");
                if (!IsKnownTimeZone(p.TimeZone)) Add(errors, "timeZone", "Enter an IANA time zone, such as Europe/Berlin.");
                break;
            case RuleKind.Location:
                if (p.Countries is not { Count: > 0 and <= MaxListLength } countries || countries.Any(c => c is null || !CountryCode().IsMatch(c)))
                    Add(errors, "countries", "Enter one or more two-letter country codes, such as DE, US.");
                if (!IsName(p.Category)) Add(errors, "category", "Enter a product category, such as Grinders.");
                break;
            case RuleKind.Group:
                if (p.PercentAbove is not (>= 0 and <= 1000)) Add(errors, "percentAbove", "Enter a percentage from 0 to 1000.");
                if (!IsName(p.Group)) Add(errors, "group", "Enter a group name, such as pricing-leads.");
                break;
            case RuleKind.Company:
                if (p.Companies is not { Count: > 0 } companies) Add(errors, "companies", "Enter one or more company names, such as Northwind Traders.");
                else if (companies.Count > MaxCompanies) Add(errors, "companies", $"Enter at most {MaxCompanies} companies.");
                else if (companies.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > MaxNameLength))
                    Add(errors, "companies", $"Enter each company as a name of up to {MaxNameLength} characters.");
                if (!IsName(p.Category)) Add(errors, "category", "Enter a product category, such as Grinders.");
                break;
        }
        return errors;
    }

    private static void Add(Dictionary<string, string[]> errors, string parameter, string message) =>
        errors["parameters." + parameter] = [message];

    private static bool IsName(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= MaxNameLength && value.Trim() == value;

    private static bool IsKnownTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= MaxNameLength && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex CountryCode();
}
