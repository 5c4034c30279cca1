using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.Tests.PolicyAdministrationPoint.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.PolicyAdministrationPoint;

// Who may read the rules (the deciding services as themselves, and admins) and who may change or test
// them (admins only), on policy-api's own audience.
public sealed class PolicyApiAuthorizationTests(PolicyApiHost policy) : IClassFixture<PolicyApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, HttpStatusCode> ReadCases => new()
    {
        { "carol (admin)", HttpStatusCode.OK },
        { "orders-api service account, scope policies", HttpStatusCode.OK },
        { "catalog-api service account, scope policies", HttpStatusCode.OK },
        { "orders-api service account without scope policies", HttpStatusCode.Forbidden },
        { "alice (customer)", HttpStatusCode.Forbidden },
        { "alice exchanged by orders-api", HttpStatusCode.Forbidden },
        { "dave (staff, not admin)", HttpStatusCode.Forbidden },
        { "partner with scope policies", HttpStatusCode.Forbidden },
        { "carol's token for catalog-api", HttpStatusCode.Unauthorized },
        { "carol's token signed by another key", HttpStatusCode.Unauthorized },
        { "no token", HttpStatusCode.Unauthorized },
    };

    // Everything but reading the rules: changing them, their audit log and the tester.
    public static TheoryData<string, string, string?> AdminCalls => new()
    {
        { "POST", "/api/rules", """{ "name": "Huge orders", "kind": "StepUp", "enabled": true, "parameters": { "amountAbove": 500, "maxAgeMinutes": 1 } }""" },
        { "PUT", "/api/rules/1", """{ "name": "Anything goes", "kind": "StepUp", "enabled": false, "parameters": { "amountAbove": 1000000, "maxAgeMinutes": 10080 } }""" },
        { "PUT", "/api/rules/2/enabled", """{ "enabled": false }""" },
        { "GET", "/api/rules/audit", null },
        { "GET", "/api/rule-tests/callers", null },
        { "POST", "/api/rule-tests", """{ "action": "orders.place", "caller": { "kind": "client", "name": "orders-api" } }""" },
    };

    [Theory]
    [MemberData(nameof(ReadCases))]
    public async Task Rules_are_read_by_deciding_services_and_admins_only(string caller, HttpStatusCode expected)
    {
        using var response = await Client(caller).GetAsync("/api/rules", Ct);

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.False(response.Headers.Contains("ETag"));
            Assert.DoesNotContain("pricing-leads", await response.Content.ReadAsStringAsync(Ct));
        }
    }

    [Theory]
    [MemberData(nameof(AdminCalls))]
    public async Task Only_an_admin_changes_audits_or_tests_rules(string method, string path, string? body)
    {
        var version = await VersionAsync();
        foreach (var (caller, expected) in new[]
        {
            ("alice (customer)", HttpStatusCode.Forbidden),
            ("dave (staff, not admin)", HttpStatusCode.Forbidden),
            ("orders-api service account, scope policies", HttpStatusCode.Forbidden),
            ("alice exchanged by orders-api", HttpStatusCode.Forbidden),
            ("carol's token for catalog-api", HttpStatusCode.Unauthorized),
            ("carol's token signed by another key", HttpStatusCode.Unauthorized),
            ("no token", HttpStatusCode.Unauthorized),
        })
        {
            using var response = await Client(caller).SendAsync(Request(method, path, body), Ct);

            await response.AssertProblemDetailsAsync(expected);
        }

        Assert.Equal(version, await VersionAsync());
        Assert.Equal(0, await policy.QueryAsync(db => db.Audit.CountAsync(Ct)));
    }

    private HttpClient Client(string caller) => caller switch
    {
        "carol (admin)" => policy.As(PolicyTokens.Carol),
        "orders-api service account, scope policies" => policy.As(PolicyTokens.OrdersService),
        "catalog-api service account, scope policies" => policy.As(PolicyTokens.CatalogService),
        "orders-api service account without scope policies" => policy.As(PolicyTokens.OrdersServiceWithoutScope),
        "alice (customer)" => policy.As(PolicyTokens.Alice),
        "alice exchanged by orders-api" => policy.As(PolicyTokens.AliceExchangedByOrders),
        "dave (staff, not admin)" => policy.As(PolicyTokens.Dave),
        "partner with scope policies" => policy.As(PolicyTokens.Partner),
        "carol's token for catalog-api" => policy.As(PolicyTokens.CarolForCatalog),
        "carol's token signed by another key" => policy.Anonymous().WithBearer(Forged(PolicyTokens.Carol)),
        "no token" => policy.Anonymous(),
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, "Unknown caller."),
    };

    // Same claims, same kid, the attacker's key.
    private static string Forged(TestToken token)
    {
        using var attacker = RSA.Create(2048);
        return TestTokenIssuer.CreateToken(token, new RsaSecurityKey(attacker) { KeyId = "test-signing-key" });
    }

    private static HttpRequestMessage Request(string method, string path, string? body) => new(new HttpMethod(method), path)
    {
        Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
    };

    private Task<long> VersionAsync() => policy.QueryAsync(db => db.Versions.Select(v => v.Version).SingleAsync(Ct));
}
