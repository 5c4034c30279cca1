using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd.Federation;

/// <summary>
/// Identity brokering over HTTP: realm shop signs dave in through realm northwind, and everything behind realm shop
/// keeps trusting one issuer: a token Northwind issued is worthless here.
/// </summary>
public abstract class FederationBehaviour(AppHostFixture appHost)
{
    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_northwind_token_is_refused_by_every_api_and_the_gateway()
    {
        SkipUnlessStarted();
        var northwind = (await NorthwindSignIns.NorthwindTokensAsync(appHost, Cancellation)).GetProperty("access_token").GetString()!;
        Assert.EndsWith("/realms/northwind", NorthwindSignIns.Claim(northwind, "iss"), StringComparison.Ordinal);

        foreach (var api in new[] { "catalog-api", "orders-api", "payments-api", "policy-api" })
        {
            using var client = appHost.CreateHttpClient(api).WithBearer(northwind);
            using var response = await client.GetAsync("/whoami", Cancellation);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{api} answered {(int)response.StatusCode} to a Northwind token");
        }
        using var gateway = appHost.CreateHttpClient("gateway").WithBearer(northwind);
        using var throughGateway = await gateway.GetAsync("/orders", Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, throughGateway.StatusCode);
    }

    [Fact]
    public async Task Dave_gets_a_shop_token_through_northwind_and_a_second_sign_in_is_the_same_user()
    {
        SkipUnlessStarted();
        var first = (await NorthwindSignIns.ShopTokensAsync(appHost, Cancellation)).GetProperty("access_token").GetString()!;
        var second = (await NorthwindSignIns.ShopTokensAsync(appHost, Cancellation)).GetProperty("access_token").GetString()!;

        // One issuer behind the broker: the token is realm shop's, with the shop's roles for a Northwind customer.
        Assert.EndsWith("/realms/shop", NorthwindSignIns.Claim(first, "iss"), StringComparison.Ordinal);
        using var orders = appHost.CreateHttpClient("orders-api");
        // orders-api's /whoami: what it saw, and what payments-api saw of the token orders-api exchanged for it.
        var firstChain = await WhoAmIAsync(orders, first);
        var firstSaw = firstChain.GetProperty("ordersApi");
        var secondSaw = (await WhoAmIAsync(orders, second)).GetProperty("ordersApi");
        Assert.Equal("northwind.dave", firstSaw.GetProperty("preferred_username").GetString());
        Assert.Equal("northwind", firstSaw.GetProperty("identity_provider").GetString());
        Assert.Equal("northwind", firstChain.GetProperty("paymentsApi").GetProperty("saw").GetProperty("identity_provider").GetString());
        Assert.Contains("customer", firstSaw.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        // Linked, not created again: the same local user, so the same orders.
        Assert.Equal(firstSaw.GetProperty("sub").GetString(), secondSaw.GetProperty("sub").GetString());

        // The company Northwind asserted, imported by the broker's mapper, where the policy rules read it: userinfo.
        using var identityProvider = appHost.CreateIdentityProviderClient().WithBearer(first);
        var userInfo = await identityProvider.GetFromJsonAsync<JsonElement>("/realms/shop/protocol/openid-connect/userinfo", Cancellation);
        Assert.Equal("Northwind Traders", userInfo.GetProperty("company").GetString());
        Assert.Equal("dave@northwind.example", userInfo.GetProperty("email").GetString());

        // A customer like any other: orders, paid through payments-api with his exchanged token.
        await using var ordersLog = new ResourceLog(appHost.App, "orders-api");
        using var asDave = appHost.CreateHttpClient("orders-api").WithBearer(second);
        using var placed = await asDave.PostOrderAsync(Cancellation, (1, 1));
        Assert.True(placed.StatusCode == HttpStatusCode.Created,
            $"{(int)placed.StatusCode} {await placed.Content.ReadAsStringAsync(Cancellation)}{Environment.NewLine}{string.Join(Environment.NewLine, ordersLog.Lines.TakeLast(40))}");
    }

    private async Task<JsonElement> WhoAmIAsync(HttpClient api, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await api.SendAsync(request, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
    }

    private void SkipUnlessStarted()
    {
        if (appHost.SkipReason is { } reason) Assert.Skip(reason);
    }
}
