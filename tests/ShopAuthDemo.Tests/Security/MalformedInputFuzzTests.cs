using System.Diagnostics;
using System.Net;
using System.Text;
using ShopAuthDemo.Tests.Orders.Support;
using ShopAuthDemo.Tests.Security.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Security;

// Thousands of random Authorization headers and bodies against each API's state-changing endpoint:
// whatever a client sends, the answer is a 4xx or a success, never a 5xx, and the service stays healthy.
// A fifth of the requests carry a valid token, so the bodies also reach model binding and validation.
public sealed class MalformedInputFuzzTests
{
    private const int RequestsPerApi = 1200;

    [Fact]
    public async Task Catalog_price_change_survives_random_headers_and_bodies()
    {
        await using var catalog = new CatalogApiHost();
        await FuzzAsync("catalog-api PUT /api/products/{id}/price", seed: 6_001, catalog.Anonymous,
            fuzz => $"/api/products/{(fuzz.Chance(0.8) ? "1" : "999999")}/price", HttpMethod.Put,
            catalog.Tokens.CreateToken(TestToken.Admin));
    }

    [Fact]
    public async Task Order_placement_survives_random_headers_and_bodies()
    {
        await using var orders = new OrdersApiHost();
        await FuzzAsync("orders-api POST /api/orders", seed: 6_002, orders.Anonymous, _ => "/api/orders", HttpMethod.Post,
            orders.Tokens.CreateToken(OrderTokens.Alice));
    }

    [Fact]
    public async Task Payment_charge_survives_random_headers_and_bodies()
    {
        await using var payments = new PaymentsApiHost();
        var exchangedForAlice = TestToken.Customer with { Audiences = ["payments-api"], AuthorizedParty = "orders-api", Scope = "payments" };
        await FuzzAsync("payments-api POST /api/payments", seed: 6_003, payments.Anonymous, _ => "/api/payments", HttpMethod.Post,
            payments.Tokens.CreateToken(exchangedForAlice));
    }

    private static async Task FuzzAsync(string endpoint, int seed, Func<HttpClient> createClient,
        Func<FuzzInputs, string> path, HttpMethod method, string validToken)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var fuzz = new FuzzInputs(seed);
        var histogram = new SortedDictionary<int, int>();
        var serverErrors = new List<string>();
        using var client = createClient();
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < RequestsPerApi; i++)
        {
            var authorization = fuzz.Chance(0.2) ? $"Bearer {validToken}" : fuzz.AuthorizationHeader();
            var (body, contentType) = fuzz.Body();
            using var request = new HttpRequestMessage(method, path(fuzz));
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : new(contentType);

            using var response = await client.SendAsync(request, cancellation);
            var status = (int)response.StatusCode;
            histogram[status] = histogram.GetValueOrDefault(status) + 1;
            if (status >= 500)
                serverErrors.Add($"#{i} {status}: Authorization '{Shorten(authorization)}', body '{Shorten(body)}'");
        }

        using var health = await client.GetAsync("/health", cancellation);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{endpoint}: {RequestsPerApi} requests (seed {seed}) in {clock.ElapsedMilliseconds} ms; status histogram: " +
            string.Join(", ", histogram.Select(entry => $"{entry.Key}×{entry.Value}")) + $"; 5xx: {serverErrors.Count}; /health: {(int)health.StatusCode}");

        Assert.True(serverErrors.Count == 0, string.Join(Environment.NewLine, serverErrors.Take(10)));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    private static string Shorten(string value) => value.Length <= 120 ? value : $"{value[..120]}… ({value.Length} chars)";
}
