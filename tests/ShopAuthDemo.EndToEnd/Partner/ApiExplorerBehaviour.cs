using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.Testing;

namespace ShopAuthDemo.EndToEnd.Partner;

/// <summary>
/// What the API explorer page on the gateway does, without the page: its document, and getting tokens
/// through the gateway's /identity/token (client credentials as a partner, code + PKCE as alice).
/// </summary>
public abstract class ApiExplorerBehaviour(AppHostFixture appHost)
{
    private const string ExplorerRedirectUri = "http://localhost:7300/scalar/";

    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<string> TokenThroughTheGatewayAsync(Dictionary<string, string> form)
    {
        using var gateway = appHost.CreateHttpClient("gateway");
        using var response = await gateway.PostAsync("/identity/token", new FormUrlEncodedContent(form), Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.IsSuccessStatusCode, $"Token request through the gateway failed with {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    [Fact]
    public async Task The_document_lists_the_real_services_routes_under_gateway_paths()
    {
        SkipUnlessStarted();
        using var gateway = appHost.CreateHttpClient("gateway");

        var document = await gateway.GetFromJsonAsync<JsonElement>("/openapi/gateway.json", Cancellation);

        var paths = document.GetProperty("paths").EnumerateObject().Select(path => path.Name).ToList();
        Assert.Contains("/partner/orders/ready-to-ship", paths);
        Assert.Contains("/partner/orders/{id}/shipments", paths);
        Assert.Contains("/catalog/products", paths);
        Assert.Contains("/orders", paths);
        Assert.DoesNotContain(paths, path => path.Contains("internal", StringComparison.Ordinal) || path.Contains("staff", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_partner_gets_a_token_through_the_gateway_and_calls_the_partner_routes()
    {
        SkipUnlessStarted();
        var token = await TokenThroughTheGatewayAsync(new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "partner-acme",
            ["client_secret"] = await appHost.GetParameterValueAsync("partner-acme-client-secret", Cancellation),
            ["scope"] = "shipping",
        });
        using var gateway = appHost.CreateHttpClient("gateway").WithBearer(token);

        using var response = await gateway.GetAsync("/partner/orders/ready-to-ship", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Alice_signs_in_as_the_public_api_explorer_with_pkce_and_reads_her_orders_through_the_gateway()
    {
        SkipUnlessStarted();
        using var identityProvider = appHost.CreateIdentityProviderClient();
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = identityProvider.BaseAddress,
        };
        var flow = new OidcBrowserFlow(browser, "api-explorer", ExplorerRedirectUri);
        var code = await flow.GetCodeAsync("alice", await appHost.GetParameterValueAsync("dev-user-password", Cancellation), "openid orders");

        // No client secret: a page in the browser cannot keep one; the PKCE verifier proves it is the same page.
        var token = await TokenThroughTheGatewayAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "api-explorer",
            ["code"] = code,
            ["redirect_uri"] = ExplorerRedirectUri,
            ["code_verifier"] = flow.Pkce.Verifier,
        });
        using var gateway = appHost.CreateHttpClient("gateway").WithBearer(token);

        using var response = await gateway.GetAsync("/orders", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private void SkipUnlessStarted()
    {
        if (appHost.SkipReason is { } reason) Assert.Skip(reason);
    }
}
