using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Aspire.Hosting.Testing;
using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.Testing;

namespace ShopAuthDemo.EndToEnd.MutualTls;

/// <summary>
/// The internal services accept a connection only from a service holding a certificate of the internal CA,
/// checked in the TLS handshake: without one, with another CA's or with an expired one, no request reaches the
/// app at all. With a valid certificate the token is still checked, and payments-api checks both together.
/// </summary>
public sealed class MutualTlsTests(LocalIdentityAppHost appHost)
{
    public static TheoryData<string> InternalServices => ["catalog-api", "orders-api", "payments-api", "policy-api"];

    private const string RefusedLogLine = "Mutual TLS handshake: connection refused";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(InternalServices))]
    public async Task Without_a_client_certificate_the_connection_is_refused_before_the_app_answers(string service)
    {
        await AssertRefusedInHandshakeAsync(service, clientCertificate: null);
    }

    [Theory]
    [MemberData(nameof(InternalServices))]
    public async Task A_certificate_from_another_CA_is_refused_even_when_it_names_a_real_service(string service)
    {
        await using var log = new ResourceLog(appHost.App, service);
        var refusedBefore = await log.SettledCountAsync(RefusedLogLine, Cancellation);

        await AssertRefusedInHandshakeAsync(service, ServiceCallers.CertificateFromAnotherAuthority("gateway"));

        // Refused by the service's own check of the chain, not by a failure of some other kind.
        Assert.True(await log.SettledCountAsync(RefusedLogLine, Cancellation) > refusedBefore, $"{service} logged no refusal");
    }

    [Theory]
    [MemberData(nameof(InternalServices))]
    public async Task An_expired_certificate_of_the_internal_CA_is_refused(string service)
    {
        await using var log = new ResourceLog(appHost.App, service);
        var refusedBefore = await log.SettledCountAsync(RefusedLogLine, Cancellation);

        await AssertRefusedInHandshakeAsync(service, appHost.ServiceCallers.ExpiredCertificateOf("gateway"));

        Assert.True(await log.SettledCountAsync(RefusedLogLine, Cancellation) > refusedBefore, $"{service} logged no refusal");
    }

    [Theory]
    [MemberData(nameof(InternalServices))]
    public async Task A_valid_certificate_without_a_token_or_with_a_forged_one_is_401(string service)
    {
        using var noToken = appHost.ServiceCallers.Create(service, appHost.ServiceCallers.CertificateOf("gateway"));
        using var forged = appHost.ServiceCallers.Create(service, appHost.ServiceCallers.CertificateOf("gateway"))
            .WithBearer(ForgedToken(service));

        Assert.Equal(HttpStatusCode.Unauthorized, (await noToken.GetAsync("/whoami", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/whoami", Cancellation)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(InternalServices))]
    public async Task The_gateways_certificate_and_a_valid_token_are_let_in_and_whoami_shows_both_identities(string service)
    {
        using var gateway = appHost.ServiceCallers.Create(service, appHost.ServiceCallers.CertificateOf("gateway"))
            .WithBearer(await TokenForAsync(service));

        using var response = await gateway.GetAsync("/whoami", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var saw = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        // orders-api's /whoami is the identity chain; what it saw itself is under "ordersApi".
        var own = saw.RootElement.TryGetProperty("ordersApi", out var orders) ? orders : saw.RootElement;
        Assert.Equal("gateway", own.GetProperty("peer").GetString());
        Assert.False(string.IsNullOrEmpty(own.GetProperty("sub").GetString()));
    }

    [Fact]
    public async Task Payments_refuses_a_correctly_exchanged_token_arriving_over_the_gateways_connection()
    {
        var exchanged = await ExchangedForPaymentsAsync("alice");
        using var fromGateway = appHost.ServiceCallers.Create("payments-api", appHost.ServiceCallers.CertificateOf("gateway"))
            .WithBearer(exchanged);
        using var fromOrders = appHost.ServiceCallers.Create("payments-api", appHost.ServiceCallers.CertificateOf("orders-api"))
            .WithBearer(exchanged);

        using var refused = await fromGateway.PostAsJsonAsync("/api/payments", new { orderId = Guid.NewGuid(), amount = 3m }, Cancellation);
        using var whoAmI = await fromOrders.GetFromJsonAsync<JsonDocument>("/whoami", Cancellation);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        // The same token is good: over orders-api's connection payments-api sees it as it should.
        Assert.Equal("orders-api", whoAmI!.RootElement.GetProperty("azp").GetString());
        Assert.Equal("orders-api", whoAmI.RootElement.GetProperty("peer").GetString());
    }

    [Fact]
    public async Task Payments_charges_an_exchanged_token_over_orders_apis_connection()
    {
        var exchanged = await ExchangedForPaymentsAsync("alice");
        using var fromOrders = appHost.ServiceCallers.Create("payments-api", appHost.ServiceCallers.CertificateOf("orders-api"))
            .WithBearer(exchanged);

        using var charged = await fromOrders.PostAsJsonAsync("/api/payments", new { orderId = Guid.NewGuid(), amount = 3m }, Cancellation);

        Assert.True(charged.IsSuccessStatusCode, $"Expected the charge to succeed, got {(int)charged.StatusCode}.");
    }

    [Fact]
    public async Task The_shop_identity_chain_names_each_hops_connection_next_to_its_token()
    {
        using var shop = appHost.CreateHttpClient("orders-api")
            .WithBearer(await appHost.SignInAsync("alice", "openid orders", Cancellation));

        using var chain = await shop.GetFromJsonAsync<JsonDocument>("/whoami", Cancellation);

        var root = chain!.RootElement;
        Assert.Equal("shop-web", root.GetProperty("ordersApi").GetProperty("peer").GetString());
        Assert.Equal("orders-api", root.GetProperty("catalogApi").GetProperty("saw").GetProperty("peer").GetString());
        Assert.Equal("orders-api", root.GetProperty("paymentsApi").GetProperty("saw").GetProperty("peer").GetString());
        Assert.Equal("orders-api", root.GetProperty("paymentsApi").GetProperty("saw").GetProperty("azp").GetString());
    }

    [Theory]
    [MemberData(nameof(InternalServices))]
    public async Task The_plain_http_port_answers_health_checks_and_nothing_else(string service)
    {
        using var plain = new HttpClient { BaseAddress = appHost.App.GetEndpoint(service, "http") };
        using var claimingHttps = new HttpRequestMessage(HttpMethod.Get, "/whoami") { Headers = { { "X-Forwarded-Proto", "https" } } };

        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync("/health", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await plain.GetAsync("/whoami", Cancellation)).StatusCode);
        // The guard asks the connection for its certificate, not the request for its scheme.
        Assert.Equal(HttpStatusCode.NotFound, (await plain.SendAsync(claimingHttps, Cancellation)).StatusCode);
    }

    // "No response from the app": the handshake fails, so the client sees a broken connection, never a status code.
    // The client itself accepted the service's certificate, so it was the service that refused.
    private async Task AssertRefusedInHandshakeAsync(string service, X509Certificate2? clientCertificate)
    {
        var clientAcceptedService = false;
        using var client = appHost.ServiceCallers.Create(service, clientCertificate, serverChecked: accepted => clientAcceptedService = accepted)
            .WithBearer(await TokenForAsync(service));

        var refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync("/whoami", Cancellation));

        Assert.Null(refused.StatusCode);
        Assert.True(clientAcceptedService, $"The client refused {service}'s certificate: the test proves nothing about the service.");
    }

    // A token each service accepts: the shop's token for catalog-api and orders-api, an exchanged one for
    // payments-api, the back office's for policy-api.
    private async Task<string> TokenForAsync(string service) => service switch
    {
        "payments-api" => await ExchangedForPaymentsAsync("alice"),
        "policy-api" => await appHost.SignInToBackofficeAsync("carol", "openid policies", Cancellation),
        "catalog-api" => await appHost.SignInToBackofficeAsync("carol", "openid catalog", Cancellation),
        _ => await appHost.SignInAsync("alice", "openid orders", Cancellation),
    };

    private async Task<string> ExchangedForPaymentsAsync(string user)
    {
        using var identityProvider = appHost.CreateIdentityProviderClient();
        return await identityProvider.ExchangeTokenAsync("orders-api",
            await appHost.GetParameterValueAsync("orders-api-client-secret", Cancellation),
            await appHost.SignInAsync(user, "openid orders", Cancellation), audience: "payments-api", scope: "payments", Cancellation);
    }

    // Well formed and RS256, for the service's audience, but signed by nobody the identity provider knows.
    private static string ForgedToken(string audience)
    {
        var header = System.Text.Encoding.UTF8.GetBytes("""{"alg":"RS256","typ":"JWT","kid":"forged"}""");
        var payload = System.Text.Encoding.UTF8.GetBytes($$"""{"sub":"mallory","aud":"{{audience}}","azp":"orders-api"}""");
        return $"{Base64Url.Encode(header)}.{Base64Url.Encode(payload)}.{Base64Url.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(256))}";
    }
}
