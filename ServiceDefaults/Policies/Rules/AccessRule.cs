namespace ShopAuthDemo.ServiceDefaults.Policies.Rules;

/// <summary>An access rule as policy-api stores and serves it. Which parameters count depends on the kind.</summary>
public sealed record AccessRule(int Id, string Name, RuleKind Kind, bool Enabled, RuleParameters Parameters)
{
    /// <summary>The action the rule governs; null for a kind this code does not know.</summary>
    public string? Action => RuleKinds.ActionOf(Kind);
}

/// <summary>
/// The parameters of every kind in one flat record (a form edits it field by field); each kind reads its own:
/// step-up <see cref="AmountAbove"/>, <see cref="MaxAgeMinutes"/>; time <see cref="Weekdays"/>,
/// <see cref="From"/>, <see cref="Until"/>, <see cref="TimeZone"/>; location <see cref="Countries"/>,
/// <see cref="Category"/>; group <see cref="PercentAbove"/>, <see cref="Group"/>; company <see cref="Companies"/>,
/// <see cref="Category"/>.
/// </summary>
public sealed record RuleParameters
{
    public decimal? AmountAbove { get; init; }
    public int? MaxAgeMinutes { get; init; }

    public IReadOnlyList<DayOfWeek>? Weekdays { get; init; }
    /// <summary>First minute of the window, inclusive.</summary>
    public TimeOnly? From { get; init; }
    /// <summary>End of the window, exclusive: 08:00–18:00 allows 17:59, not 18:00.</summary>
    public TimeOnly? Until { get; init; }
    /// <summary>An IANA time zone id, such as Europe/Berlin.</summary>
    public string? TimeZone { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country codes, such as DE.</summary>
    public IReadOnlyList<string>? Countries { get; init; }
    public string? Category { get; init; }

    public decimal? PercentAbove { get; init; }
    public string? Group { get; init; }

    /// <summary>Company names as the identity provider records them, such as Northwind Traders (case and outer spaces ignored).</summary>
    public IReadOnlyList<string>? Companies { get; init; }
}

/// <summary>What an admin sends to create or change a rule (the id comes from the URL).</summary>
public sealed record AccessRuleInput(string? Name, RuleKind? Kind, bool Enabled, RuleParameters? Parameters);

/// <summary>The rules every service decides with; <see cref="Version"/> changes with every change (the ETag).</summary>
public sealed record AccessRulesDocument(long Version, IReadOnlyList<AccessRule> Rules);
