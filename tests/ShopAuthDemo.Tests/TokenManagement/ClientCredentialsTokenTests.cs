using System.Net;
using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Tests.TokenManagement.Support;
using Xunit;

namespace ShopAuthDemo.Tests.TokenManagement;

public sealed class ClientCredentialsTokenTests : IDisposable
{
    private readonly TokenManagementTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private Task<HttpResponseMessage> CallCatalogAsync() =>
        _host.CreateClient(TokenManagementTestHost.CatalogAsService).GetAsync("/api/catalog/items", TestContext.Current.CancellationToken);

    [Fact]
    public async Task Thousand_concurrent_calls_make_exactly_one_token_request()
    {
        // Hold the token response so every call arrives while the first request is still in flight.
        _host.IdentityProvider.Gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        var client = _host.CreateClient(TokenManagementTestHost.CatalogAsService);

        var calls = Enumerable.Range(0, 1000)
            .Select(_ => client.GetAsync("/api/catalog/items", TestContext.Current.CancellationToken))
            .ToList();
        await _host.IdentityProvider.FirstTokenRequestArrived.Task.WaitAsync(TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
        _host.IdentityProvider.Gate.SetResult();
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        Assert.Equal(1, _host.IdentityProvider.TokenRequestCount);
        Assert.Equal(1, _host.IdentityProvider.DiscoveryRequestCount);
        Assert.Equal(1000, _host.Downstream.Calls.Count);
        Assert.All(_host.Downstream.Calls, call => Assert.Equal("Bearer token-1", call.Authorization));
    }

    [Theory]
    [InlineData(300, 269, 271)] // 30 s before expiry
    [InlineData(20, 14, 16)]    // a short token keeps three quarters of its life
    public async Task Token_is_renewed_before_it_expires(int expiresIn, int stillReusedAt, int renewedAt)
    {
        _host.IdentityProvider.ExpiresIn = expiresIn;

        await CallCatalogAsync();
        _host.Time.Advance(TimeSpan.FromSeconds(stillReusedAt));
        await CallCatalogAsync();
        _host.Time.Advance(TimeSpan.FromSeconds(renewedAt - stillReusedAt));
        await CallCatalogAsync();

        Assert.Equal(["Bearer token-1", "Bearer token-1", "Bearer token-2"], _host.Downstream.Calls.Select(call => call.Authorization));
        Assert.Equal(2, _host.IdentityProvider.TokenRequestCount);
    }

    [Fact]
    public async Task Failed_token_request_is_not_cached()
    {
        _host.IdentityProvider.FailNext(HttpStatusCode.ServiceUnavailable, "temporarily_unavailable", "Keycloak is starting");

        var error = await Assert.ThrowsAsync<TokenRequestException>(CallCatalogAsync);
        var response = await CallCatalogAsync();

        Assert.Equal("temporarily_unavailable", error.Error);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _host.IdentityProvider.TokenRequestCount);
        // The failed call never went out without a token.
        Assert.Equal(["Bearer token-2"], _host.Downstream.Calls.Select(call => call.Authorization));
    }

    [Fact]
    public async Task Token_request_sends_scope_and_authenticates_as_the_client_with_basic_auth()
    {
        await CallCatalogAsync();

        var request = Assert.Single(_host.IdentityProvider.TokenRequests);
        Assert.Equal("client_credentials", request["grant_type"]);
        Assert.Equal("catalog", request["scope"]);
        Assert.Equal($"{TokenManagementTestHost.ClientId}:{TokenManagementTestHost.ClientSecret}", request.BasicCredentials);
        Assert.Null(request["client_secret"]);
    }

    [Fact]
    public async Task Token_request_error_message_contains_no_secret()
    {
        _host.IdentityProvider.EchoCredentialsInErrors = true;
        _host.IdentityProvider.FailNext(HttpStatusCode.Unauthorized, "unauthorized_client", "Invalid client credentials");

        var error = await Assert.ThrowsAsync<TokenRequestException>(CallCatalogAsync);

        Assert.Contains("unauthorized_client", error.Message);
        Assert.Contains(TokenManagementTestHost.ClientId, error.Message);
        Assert.DoesNotContain(TokenManagementTestHost.ClientSecret, error.ToString());
        Assert.DoesNotContain(TokenManagementTestHost.ClientSecret, error.ErrorDescription);
        Assert.NotEmpty(_host.Logs.GetSnapshot());
        Assert.All(_host.Logs.GetSnapshot(), log => Assert.DoesNotContain(TokenManagementTestHost.ClientSecret, log.Message));
    }
}
