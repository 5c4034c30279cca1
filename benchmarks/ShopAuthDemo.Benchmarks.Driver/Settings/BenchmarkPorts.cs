namespace ShopAuthDemo.Benchmarks.Driver.Settings;

/// <summary>
/// Fixed loopback ports for this run, in one block away from the app's own (web apps 7100/7200, gateway 7300,
/// dashboard 15080) and from the services' launch profiles (5080-5501), so the benchmark can run beside them.
/// </summary>
public sealed record BenchmarkPorts(
    int IdentityProvider, int BenchApi, int BenchApiWithoutTokenCache, int Catalog, int Payments, int Orders, int Gateway, int Policy)
{
    public const int DefaultBase = 5910;

    public static BenchmarkPorts From(int first) => new(first, first + 1, first + 2, first + 3, first + 4, first + 5, first + 6, first + 7);

    public IEnumerable<(int Port, string Owner)> All =>
    [
        (IdentityProvider, "identity-local"),
        (BenchApi, "bench-api"),
        (BenchApiWithoutTokenCache, "bench-api without token cache"),
        (Catalog, "catalog-api"),
        (Payments, "payments-api"),
        (Orders, "orders-api"),
        (Gateway, "gateway"),
        (Policy, "policy-api"),
    ];
}
