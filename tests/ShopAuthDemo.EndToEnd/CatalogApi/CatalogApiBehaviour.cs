using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd.CatalogApi;

/// <summary>
/// What the running system must do, whichever identity provider signs the tokens; each subclass
/// runs these tests against one of them.
/// </summary>
public abstract class CatalogApiBehaviour(AppHostFixture appHost)
{
    private const string OrdersApiClient = "orders-api";

    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_resource_reaches_healthy()
    {
        SkipUnlessStarted();

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"AppHost with {appHost.IdentityProviderResource}: time to all healthy {appHost.TimeToAllHealthy.TotalSeconds:0.0} s");

        Assert.Contains("catalog-api", appHost.RunningResources.Select(resource => resource.Name));
        Assert.All(appHost.RunningResources, resource =>
        {
            Assert.True(appHost.App.ResourceNotifications.TryGetCurrentState(resource.Name, out var state));
            Assert.Equal(HealthStatus.Healthy, state.Snapshot.HealthStatus);
        });
    }

    [Fact]
    public void Only_the_chosen_identity_provider_runs()
    {
        SkipUnlessStarted();

        var identityProviders = appHost.RunningResources.Select(resource => resource.Name)
            .Intersect(["keycloak", "identity-local"]);

        Assert.Equal([appHost.IdentityProviderResource], identityProviders);
    }

    [Fact]
    public async Task Products_are_listed_without_a_token()
    {
        SkipUnlessStarted();
        using var catalog = appHost.CreateHttpClient("catalog-api");

        using var response = await catalog.GetAsync("/api/products", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var products = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.NotEmpty(products.EnumerateArray());
    }

    [Fact]
    public async Task Whoami_with_a_client_credentials_token_shows_the_calling_service()
    {
        SkipUnlessStarted();
        using var catalog = await CreateCatalogClientAsOrdersApiAsync();

        using var response = await catalog.GetAsync("/whoami", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var whoami = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);
        Assert.Equal(OrdersApiClient, whoami.GetProperty("azp").GetString());
        Assert.Contains("catalog-api", whoami.GetProperty("aud").EnumerateArray().Select(aud => aud.GetString()));
        Assert.Contains("catalog", whoami.GetProperty("scopes").EnumerateArray().Select(scope => scope.GetString()));
    }

    [Fact]
    public async Task Whoami_without_a_token_is_rejected_with_401()
    {
        SkipUnlessStarted();
        using var catalog = appHost.CreateHttpClient("catalog-api");

        using var response = await catalog.GetAsync("/whoami", Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Price_change_without_a_token_is_rejected_with_401()
    {
        SkipUnlessStarted();
        using var catalog = appHost.CreateHttpClient("catalog-api");

        using var response = await ChangePriceOfFirstProductAsync(catalog);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Price_change_by_a_caller_without_the_admin_role_is_forbidden_with_403()
    {
        SkipUnlessStarted();
        // orders-api's service account holds no realm role, so its valid token must not change prices.
        using var catalog = await CreateCatalogClientAsOrdersApiAsync();

        using var response = await ChangePriceOfFirstProductAsync(catalog);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private void SkipUnlessStarted()
    {
        if (appHost.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    private async Task<HttpClient> CreateCatalogClientAsOrdersApiAsync()
    {
        var secret = await appHost.GetParameterValueAsync("orders-api-client-secret", Cancellation);
        using var identityProvider = appHost.CreateIdentityProviderClient();
        var token = await identityProvider.RequestClientCredentialsTokenAsync(
            OrdersApiClient, secret, scope: "catalog", Cancellation);

        var catalog = appHost.CreateHttpClient("catalog-api");
        catalog.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return catalog;
    }

    private async Task<HttpResponseMessage> ChangePriceOfFirstProductAsync(HttpClient catalog)
    {
        // Read anonymously so that the id is real and only the authorization decision differs.
        using var anonymous = appHost.CreateHttpClient("catalog-api");
        var products = await anonymous.GetFromJsonAsync<JsonElement>("/api/products", Cancellation);
        var id = products.EnumerateArray().First().GetProperty("id");

        return await catalog.PutAsJsonAsync($"/api/products/{id}/price", new { price = 12.5m }, Cancellation);
    }
}
