using ShopAuthDemo.Benchmarks.Driver.Identity;
using ShopAuthDemo.Benchmarks.Driver.Load;
using ShopAuthDemo.Benchmarks.Driver.Processes;
using ShopAuthDemo.Benchmarks.Driver.Report;

namespace ShopAuthDemo.Benchmarks.Driver.Measurements;

/// <summary>
/// Placing an order end to end, as alice: orders-api asks catalog-api for a quote with its own token (client
/// credentials), saves the order, and charges it at payments-api with alice's token exchanged for one minted
/// for payments-api. Identity.Local's log counts the token requests those calls caused.
/// </summary>
public static class OrderPlacement
{
    // Fewer connections than the read points: every order writes to two SQLite databases.
    private const int Connections = 8;

    private const string Order = """{"items":[{"productId":1,"quantity":2},{"productId":2,"quantity":1}]}""";

    public static async Task<IEnumerable<ResultRow>> MeasureAsync(
        ServicesUnderTest services, string aliceToken, LoadRunner load, CancellationToken cancellationToken)
    {
        // From before the first order, when orders-api has needed neither token yet, ...
        var before = await CountTokensAsync(services.IdentityProvider, cancellationToken);
        var afterWarmUp = before;
        var orders = await load.MeasureAsync(new("place-order", services.Orders.Url("/api/orders"), Connections, aliceToken, Order),
            cancellationToken, afterWarmUp: async () => afterWarmUp = await CountTokensAsync(services.IdentityProvider, cancellationToken));
        var after = await CountTokensAsync(services.IdentityProvider, cancellationToken);

        // ... over every order placed (the probe, the warm-up and the measured run): each one made one quote
        // call to catalog-api and one charge call to payments-api.
        var placed = 1 + orders.WarmUp.Succeeded + orders.Measured.Succeeded;
        var measured = orders.Measured.Succeeded;

        return
        [
            new ResultRow($"orders-api `POST /api/orders` as alice, {Connections} connections (quote → save → charge)", orders.Measured,
                $"{measured:N0} orders in {orders.Measured.Duration.TotalSeconds:0} s"),
            new ResultRow("Client-credentials token requests (orders-api → catalog-api) per 1,000 calls", null,
                PerThousand(after.ClientCredentials - before.ClientCredentials, placed,
                    after.ClientCredentials - afterWarmUp.ClientCredentials, measured)),
            new ResultRow("Token exchanges (alice → payments-api) per 1,000 calls for one user", null,
                PerThousand(after.Exchanges - before.Exchanges, placed, after.Exchanges - afterWarmUp.Exchanges, measured)),
        ];
    }

    private static async Task<(int ClientCredentials, int Exchanges)> CountTokensAsync(
        ServiceProcess identityProvider, CancellationToken cancellationToken) =>
        (await identityProvider.SettledCountAsync(IdentityProviderLogLines.ClientCredentialsForOrdersApi, cancellationToken),
            identityProvider.CountLines(IdentityProviderLogLines.TokenExchangeByOrdersApi));

    private static string PerThousand(int tokens, long calls, int tokensWhileMeasured, long measuredCalls) =>
        $"**{1000.0 * tokens / calls:0.##}** ({tokens} for all {calls:N0} calls; {tokensWhileMeasured} for the {measuredCalls:N0} measured ones)";
}
