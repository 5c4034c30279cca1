using Microsoft.AspNetCore.Http;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;

/// <summary>
/// The PIP's source for the resource an action acts on (the order, the product). Each service registers one
/// per action it governs, in its own PolicyInformationPoint folder: only the service knows its resources.
/// </summary>
public interface IResourceAttributeSource
{
    ValueTask<ResourceAttributes> ReadAsync(HttpContext httpContext, CancellationToken cancellationToken);
}

/// <summary>What the rules may read about the resource, or why it could not be read.</summary>
public sealed record ResourceAttributes
{
    public Sourced<decimal?> OrderTotal { get; init; } = Sourced<decimal?>.Absent(null);
    public Sourced<IReadOnlyCollection<string>> ProductCategories { get; init; } = Sourced<IReadOnlyCollection<string>>.Absent([]);
    public Sourced<decimal?> PriceChangePercent { get; init; } = Sourced<decimal?>.Absent(null);

    /// <summary>
    /// Set when there is no resource to decide on (a malformed body, an unknown product, the catalog down):
    /// the answer the caller gets instead, the same the endpoint gave before rules existed. The endpoint never runs.
    /// </summary>
    public IResult? Refusal { get; init; }

    public static ResourceAttributes Refused(IResult problem) => new() { Refusal = problem };
}
