namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;

/// <summary>
/// Everything a decision may read about one request: the user, the resource and the context, each with its
/// source. Services fill it from the token, userinfo, the resource and the clock; the rule tester from the
/// user directory or what-if values. The decision code cannot tell the two apart, which is the point.
/// </summary>
public sealed class AccessRequest
{
    private static readonly IReadOnlyCollection<string> None = [];

    public required string Action { get; init; }

    // The user.
    public Sourced<string?> Subject { get; init; } = Sourced<string?>.Absent(null);
    /// <summary>When the user last entered credentials (the token's <c>auth_time</c>).</summary>
    public Sourced<DateTimeOffset?> AuthenticatedAt { get; init; } = Sourced<DateTimeOffset?>.Absent(null);
    public Sourced<IReadOnlyCollection<string>> Groups { get; init; } = Sourced<IReadOnlyCollection<string>>.Absent(None);
    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public Sourced<string?> Country { get; init; } = Sourced<string?>.Absent(null);
    /// <summary>The company the user's account belongs to, such as Northwind Traders (federated users only).</summary>
    public Sourced<string?> Company { get; init; } = Sourced<string?>.Absent(null);

    // The resource.
    public Sourced<decimal?> OrderTotal { get; init; } = Sourced<decimal?>.Absent(null);
    public Sourced<IReadOnlyCollection<string>> ProductCategories { get; init; } = Sourced<IReadOnlyCollection<string>>.Absent(None);
    /// <summary>How far a new price is from the old one, in percent, either way.</summary>
    public Sourced<decimal?> PriceChangePercent { get; init; } = Sourced<decimal?>.Absent(null);

    // The context.
    public required Sourced<DateTimeOffset> Now { get; init; }
}
