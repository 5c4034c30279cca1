namespace ShopAuthDemo.Benchmarks.Driver.Settings;

/// <summary>
/// Fixed loopback ports for this run, in one block away from the app's own (web apps 7100/7200, gateway 7300,
/// dashboard 15080) and from the services' launch profiles (5080-5501), so the benchmark can run beside them.
/// <see cref="Shop"/> serves the main measurements, then the mutual-TLS-off set, then the SQLite set;
/// <see cref="MutualTlsShop"/> the mutual-TLS-on set and <see cref="PostgreSqlShop"/> the PostgreSQL set, each beside
/// it; <see cref="GatewayToBenchApi"/> a gateway whose catalog-api is the benchmark API (its trivial route).
/// </summary>
public sealed record BenchmarkPorts(
    int IdentityProvider, int BenchApi, int BenchApiWithoutTokenCache, ShopPorts Shop, ShopPorts MutualTlsShop,
    ShopPorts PostgreSqlShop, int GatewayToBenchApi)
{
    public const int DefaultBase = 5910;
    public const int Count = 23;

    public static BenchmarkPorts From(int first) => new(first, first + 1, first + 2,
        new ShopPorts(new(first + 3), new(first + 4), new(first + 5), first + 6, new(first + 7)),
        // The internal services' https ports, then their plain http health ports, then the gateway.
        new ShopPorts(new(first + 8, first + 12), new(first + 9, first + 13), new(first + 10, first + 14), first + 16,
            new(first + 11, first + 15)),
        new ShopPorts(new(first + 17), new(first + 18), new(first + 19), first + 20, new(first + 21)),
        first + 22);

    public IEnumerable<(int Port, string Owner)> All =>
    [
        (IdentityProvider, "identity-local"),
        (BenchApi, "bench-api"),
        (BenchApiWithoutTokenCache, "bench-api without token cache"),
        .. Shop.All(""),
        .. MutualTlsShop.All(" (mutual TLS)"),
        .. PostgreSqlShop.All(" (PostgreSQL)"),
        (GatewayToBenchApi, "gateway to bench-api"),
    ];
}

/// <summary>One set of the services an order passes through; the gateway always listens on plain http, for wrk.</summary>
public sealed record ShopPorts(ServicePorts Catalog, ServicePorts Payments, ServicePorts Orders, int Gateway, ServicePorts Policy)
{
    public IEnumerable<(int Port, string Owner)> All(string set) =>
    [
        .. Catalog.All($"catalog-api{set}"),
        .. Payments.All($"payments-api{set}"),
        .. Orders.All($"orders-api{set}"),
        (Gateway, $"gateway{set}"),
        .. Policy.All($"policy-api{set}"),
    ];
}

/// <summary>
/// Where an internal service listens. With a <paramref name="HealthPort"/> it runs with mutual TLS: https on
/// <paramref name="Port"/>, and plain http on the health port, which answers its health checks and nothing else.
/// </summary>
public sealed record ServicePorts(int Port, int? HealthPort = null)
{
    public bool MutualTls => HealthPort is not null;

    public IEnumerable<(int Port, string Owner)> All(string owner) =>
        HealthPort is { } health ? [(Port, owner), (health, $"{owner} health checks")] : [(Port, owner)];
}
