using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.Orders.Support;

/// <summary>
/// What orders-api talks to, for in-process tests of orders-api's own rules: the identity provider's
/// discovery, token and userinfo endpoints, catalog-api's price quotes, payments-api's charges and
/// policy-api's rules. The real services are exercised together in the end-to-end tests.
/// </summary>
public sealed class FakeDownstream : HttpMessageHandler
{
    public const string UnknownProductId = "404";
    public ConcurrentQueue<string> Calls { get; } = new();
    public ConcurrentQueue<string> TokenGrants { get; } = new();
    public bool PaymentsDown { get; set; }
    public bool CatalogDown { get; set; }
    public decimal UnitPrice { get; set; } = 10m;

    /// <summary>policy-api's GET /api/rules.</summary>
    public AccessRulesStub Rules { get; } = new();

    /// <summary>The catalog's categories by product id, as seeded (1 beans ... 6 cups).</summary>
    public Dictionary<int, string> Categories { get; } = new()
    {
        [1] = "Coffee",
        [2] = "Brewing",
        [3] = "Grinders",
        [4] = "Brewing",
        [5] = "Accessories",
        [6] = "Accessories",
    };

    /// <summary>The country userinfo gives each user (by sub): alice in Germany, bob in the US, as in the realm.</summary>
    public Dictionary<string, string> Countries { get; } = new()
    {
        [OrderTokens.Alice.Subject] = "DE",
        [OrderTokens.Bob.Subject] = "US",
    };

    /// <summary>
    /// The company userinfo gives each user (by sub): nobody's by default, as for the realm's own users. A value
    /// is sent as given, so a test can send one that is not text.
    /// </summary>
    public Dictionary<string, object> Companies { get; } = [];

    public bool UserInfoDown { get; set; }

    /// <summary>Set to make userinfo answer with another sub than the token's (a mix-up).</summary>
    public string? UserInfoSubject { get; set; }

    /// <summary>Userinfo requests received, by the sub of the token they carried.</summary>
    public ConcurrentQueue<string> UserInfoCalls { get; } = new();

    /// <summary>Held until released, to make concurrent requests meet while the first userinfo call is in flight.</summary>
    public TaskCompletionSource? UserInfoGate { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        Calls.Enqueue($"{request.Method} {request.RequestUri.Host}{path} {request.Headers.Authorization}");
        return (request.RequestUri.Host, path) switch
        {
            ("identity.test", "/realms/shop/.well-known/openid-configuration") => Json(new
            {
                issuer = "http://identity.test/realms/shop",
                token_endpoint = "http://identity.test/realms/shop/protocol/openid-connect/token",
                jwks_uri = "http://identity.test/realms/shop/protocol/openid-connect/certs",
            }),
            ("identity.test", "/realms/shop/protocol/openid-connect/certs") => Json(new { keys = Array.Empty<object>() }),
            ("identity.test", "/realms/shop/protocol/openid-connect/token") => await IssueTokenAsync(request, cancellationToken),
            ("identity.test", "/realms/shop/protocol/openid-connect/userinfo") => await UserInfoAsync(request),
            ("catalog-api", "/api/internal/price-quotes") when CatalogDown => throw new HttpRequestException("catalog-api is down"),
            ("catalog-api", "/api/internal/price-quotes") => await QuoteAsync(request, cancellationToken),
            ("policy-api", "/api/rules") => Rules.Serve(request),
            ("payments-api", "/api/payments") => await ChargeAsync(request, cancellationToken),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
    }

    private async Task<HttpResponseMessage> IssueTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var form = System.Web.HttpUtility.ParseQueryString(await request.Content!.ReadAsStringAsync(cancellationToken));
        TokenGrants.Enqueue($"{form["grant_type"]} audience={form["audience"]} scope={form["scope"]}");
        return Json(new { access_token = $"token-{Guid.NewGuid():N}", expires_in = 300, token_type = "Bearer" });
    }

    private async Task<HttpResponseMessage> QuoteAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var items = (await request.Content!.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("items").EnumerateArray().ToList();
        if (items.Any(i => i.GetProperty("productId").ToString() == UnknownProductId))
            return Json(new { status = 400, errors = new Dictionary<string, string[]> { ["items"] = ["Product 404 does not exist."] } },
                HttpStatusCode.BadRequest);
        var lines = items.Select(i => new
        {
            productId = i.GetProperty("productId").GetInt32(),
            name = "Product",
            unitPrice = UnitPrice,
            quantity = i.GetProperty("quantity").GetInt32(),
            lineTotal = UnitPrice * i.GetProperty("quantity").GetInt32(),
            category = Categories.GetValueOrDefault(i.GetProperty("productId").GetInt32(), "Coffee"),
        }).ToList();
        return Json(new { lines, total = lines.Sum(l => l.lineTotal), quotedAt = DateTimeOffset.UtcNow });
    }

    private async Task<HttpResponseMessage> UserInfoAsync(HttpRequestMessage request)
    {
        // The caller's own token, as userinfo requires; not validated here (orders-api validated it).
        var sub = new JsonWebToken(request.Headers.Authorization!.Parameter!).Subject;
        UserInfoCalls.Enqueue(sub);
        if (UserInfoGate is { } gate) await gate.Task;
        if (UserInfoDown) return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        return Json(new
        {
            sub = UserInfoSubject ?? sub,
            preferred_username = "someone",
            country = Countries.GetValueOrDefault(sub),
            company = Companies.GetValueOrDefault(sub),
        });
    }

    private async Task<HttpResponseMessage> ChargeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (PaymentsDown) throw new HttpRequestException("payments-api is down");
        var body = await request.Content!.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var amount = body.GetProperty("amount").GetDecimal();
        if (amount > 5000m)
            return Json(new { status = 422, title = "Payment declined", detail = "Amounts above 5,000.00 are declined." },
                HttpStatusCode.UnprocessableEntity);
        return Json(new
        {
            paymentId = Guid.NewGuid(),
            orderId = body.GetProperty("orderId").GetGuid(),
            amount,
            payerSub = "payer-sub",
            payerUsername = "alice",
            chargedVia = "orders-api",
            chargedAt = DateTimeOffset.UtcNow,
            status = "Captured",
        }, HttpStatusCode.Created);
    }

    private static HttpResponseMessage Json(object body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = JsonContent.Create(body) };
}
