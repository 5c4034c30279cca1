using System.Globalization;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Backoffice.Web.Components.AccessRules;

/// <summary>
/// The rule form's fields exactly as typed: text, not numbers, so that a value policy-api refuses stays in its
/// box next to the error instead of being cleared or rounded. <see cref="ToInput"/> sends what can be read;
/// policy-api's validation (RuleValidation) is the one judge of the rest.
/// </summary>
public sealed class RuleDraft
{
    /// <summary>Null for a new rule.</summary>
    public int? Id { get; init; }
    public string Name { get; set; } = "";
    public RuleKind Kind { get; set; } = RuleKind.StepUp;
    public bool Enabled { get; set; } = true;

    public string AmountAbove { get; set; } = "";
    public string MaxAgeMinutes { get; set; } = "";

    public HashSet<DayOfWeek> Weekdays { get; } = [];
    public string From { get; set; } = "";
    public string Until { get; set; } = "";
    public string TimeZone { get; set; } = "Europe/Berlin";

    public string Countries { get; set; } = "";
    public string Category { get; set; } = "";

    public string PercentAbove { get; set; } = "";
    public string Group { get; set; } = "";

    public string Companies { get; set; } = "";

    public static RuleDraft Of(AccessRule rule)
    {
        var p = rule.Parameters;
        var draft = new RuleDraft
        {
            Id = rule.Id,
            Name = rule.Name,
            Kind = rule.Kind,
            Enabled = rule.Enabled,
            AmountAbove = p.AmountAbove?.ToString("0.##", CultureInfo.InvariantCulture) ?? "",
            MaxAgeMinutes = p.MaxAgeMinutes?.ToString(CultureInfo.InvariantCulture) ?? "",
            From = p.From?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "",
            Until = p.Until?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "",
            TimeZone = p.TimeZone ?? "",
            Countries = string.Join(", ", p.Countries ?? []),
            Category = p.Category ?? "",
            PercentAbove = p.PercentAbove?.ToString("0.##", CultureInfo.InvariantCulture) ?? "",
            Group = p.Group ?? "",
            Companies = string.Join(", ", p.Companies ?? []),
        };
        foreach (var day in p.Weekdays ?? []) draft.Weekdays.Add(day);
        return draft;
    }

    /// <summary>Only the parameters of the chosen kind; a field that cannot be read is sent as missing.</summary>
    public AccessRuleInput ToInput() => new(Name.Trim(), Kind, Enabled, Kind switch
    {
        RuleKind.StepUp => new RuleParameters { AmountAbove = Decimal(AmountAbove), MaxAgeMinutes = Integer(MaxAgeMinutes) },
        RuleKind.Time => new RuleParameters
        {
            Weekdays = [.. Weekdays.Order()],
            From = Time(From),
            Until = Time(Until),
            TimeZone = Text(TimeZone),
        },
        RuleKind.Location => new RuleParameters { Countries = List(Countries.ToUpperInvariant()), Category = Text(Category) },
        RuleKind.Group => new RuleParameters { PercentAbove = Decimal(PercentAbove), Group = Text(Group) },
        RuleKind.Company => new RuleParameters { Companies = List(Companies), Category = Text(Category) },
        _ => new RuleParameters(),
    });

    /// <summary>"US, CA;MX" → ["US", "CA", "MX"]; null when empty.</summary>
    public static IReadOnlyList<string>? List(string text)
    {
        var items = text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return items.Length == 0 ? null : items;
    }

    public static decimal? Decimal(string text) =>
        decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int? Integer(string text) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static TimeOnly? Time(string text) =>
        TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "HH:mm:ss", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    private static string? Text(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
