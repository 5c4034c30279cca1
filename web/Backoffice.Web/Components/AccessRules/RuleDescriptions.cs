using System.Globalization;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Backoffice.Web.Components.AccessRules;

/// <summary>A rule's parameters in words, as an admin reads them in the list and in the audit log.</summary>
public static class RuleDescriptions
{
    public static string KindName(RuleKind kind) => kind switch
    {
        RuleKind.StepUp => "Step-up",
        RuleKind.Time => "Time",
        RuleKind.Location => "Location",
        RuleKind.Group => "Group",
        RuleKind.Company => "Company",
        _ => kind.ToString(),
    };

    public static string Parameters(AccessRule rule)
    {
        var p = rule.Parameters;
        return rule.Kind switch
        {
            RuleKind.StepUp => $"Orders above {Number(p.AmountAbove)} need a sign-in within the last {Minutes(p.MaxAgeMinutes)}.",
            RuleKind.Time => $"Price changes only on {Days(p.Weekdays)}, from {Time(p.From)} until {Time(p.Until)} ({p.TimeZone ?? "?"} time).",
            RuleKind.Location => $"Customers in {List(p.Countries)} may not order products in {p.Category ?? "?"}.",
            RuleKind.Group => $"Price changes above {Number(p.PercentAbove)} % need membership of group {p.Group ?? "?"}.",
            RuleKind.Company => $"Products in {p.Category ?? "?"} are sold only to customers of {List(p.Companies)}.",
            _ => "Unknown kind.",
        };
    }

    /// <summary>The whole rule on one line, for the audit log's before and after.</summary>
    public static string Describe(AccessRule rule) =>
        $"\"{rule.Name}\" ({(rule.Enabled ? "enabled" : "disabled")}): {Parameters(rule)}";

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "?";

    private static string Minutes(int? value) => value == 1 ? "minute" : $"{Number(value)} minutes";

    private static string Time(TimeOnly? value) => value?.ToString("HH:mm", CultureInfo.InvariantCulture) ?? "?";

    private static string List(IReadOnlyList<string>? values) => values is { Count: > 0 } ? string.Join(", ", values) : "?";

    private static string Days(IReadOnlyList<DayOfWeek>? days) =>
        days is { Count: > 0 } ? string.Join(", ", days.OrderBy(d => ((int)d + 6) % 7).Select(d => d.ToString()[..3])) : "?";
}
