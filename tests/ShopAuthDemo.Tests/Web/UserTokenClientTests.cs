using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Tests.Web.Support;
using ShopAuthDemo.Web.Authentication.Configuration;
using ShopAuthDemo.Web.Authentication.Tokens;
using Xunit;

namespace ShopAuthDemo.Tests.Web;

/// <summary>
/// A web app renews a user's tokens through the services' token-endpoint client: the same client authentication,
/// the same discovery rule, the same redaction and the same counter, whoever asks.
/// </summary>
public sealed class UserTokenClientTests : IDisposable
{
    private const string Secret = "s3cret/with+signs";
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _services.Dispose();

    [Fact]
    public async Task A_refresh_authenticates_the_web_app_with_client_secret_basic_and_no_secret_in_the_body()
    {
        var identityProvider = new RecordingTokenEndpoint(HttpStatusCode.OK, """{"access_token":"access-2","refresh_token":"refresh-2","expires_in":300}""");

        using var response = await Client(identityProvider).RefreshAsync("refresh-1", TestContext.Current.CancellationToken);

        Assert.Equal("refresh-2", response.RefreshToken);
        var request = Assert.Single(identityProvider.Requests);
        // RFC 6749 2.3.1: id and secret form-encoded, then base64.
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("shop-web:s3cret%2Fwith%2Bsigns")), request.Authorization);
        Assert.Contains("grant_type=refresh_token", request.Body);
        Assert.Contains("refresh_token=refresh-1", request.Body);
        Assert.DoesNotContain("client_secret", request.Body);
    }

    [Fact]
    public async Task A_refused_refresh_says_so_without_repeating_the_refresh_token_or_the_secret()
    {
        var identityProvider = new RecordingTokenEndpoint(HttpStatusCode.BadRequest,
            $$"""{"error":"invalid_grant","error_description":"refresh-1 reused by shop-web with {{Secret}}"}""");

        var refused = await Assert.ThrowsAsync<TokenRequestException>(
            () => Client(identityProvider).RefreshAsync("refresh-1", TestContext.Current.CancellationToken));

        Assert.True(refused.Refused);
        Assert.Equal("invalid_grant", refused.Error);
        Assert.DoesNotContain("refresh-1", refused.Message);
        Assert.DoesNotContain(Secret, refused.Message);
    }

    [Fact]
    public async Task The_secret_is_not_sent_to_a_token_endpoint_over_plain_http()
    {
        var identityProvider = new RecordingTokenEndpoint(HttpStatusCode.OK, """{"access_token":"access-2","expires_in":300}""");

        var failed = await Assert.ThrowsAsync<TokenRequestException>(() =>
            Client(identityProvider, "http://identity.test/token").RefreshAsync("refresh-1", TestContext.Current.CancellationToken));

        Assert.Equal("discovery", failed.Error);
        Assert.False(failed.Refused);
        Assert.Empty(identityProvider.Requests);
    }

    [Fact]
    public async Task Refreshes_are_counted_with_the_services_token_requests()
    {
        using var requests = new MetricCollector<long>(_services.GetRequiredService<IMeterFactory>(),
            TokenManagementMetrics.MeterName, TokenManagementMetrics.RequestsCounterName);
        var identityProvider = new RecordingTokenEndpoint(HttpStatusCode.OK, """{"access_token":"access-2","expires_in":300}""");

        using var response = await Client(identityProvider).RefreshAsync("refresh-1", TestContext.Current.CancellationToken);

        var counted = Assert.Single(requests.GetMeasurementSnapshot());
        Assert.True(counted.ContainsTags(new KeyValuePair<string, object?>("grant_type", "refresh_token"),
            new("client_id", "shop-web"), new("outcome", "success")));
    }

    private TokenEndpointClient Client(RecordingTokenEndpoint identityProvider, string tokenEndpoint = "https://identity.test/token") => new(
        new TokenClientSettings("https://identity.test", "shop-web", Secret),
        new IdentityProviderDiscovery(new IdentityProviderMetadata(new FixedOpenIdConnectOptions(new OpenIdConnectOptions
        {
            Configuration = new OpenIdConnectConfiguration { TokenEndpoint = tokenEndpoint },
        })).GetAsync, requireHttps: true),
        identityProvider,
        new TokenManagementMetrics(_services.GetRequiredService<IMeterFactory>()),
        TimeProvider.System,
        NullLogger<TokenEndpointClient>.Instance);

    private sealed class RecordingTokenEndpoint(HttpStatusCode status, string answer) : HttpMessageHandler, IHttpClientFactory
    {
        public List<(string? Authorization, string Body)> Requests { get; } = [];

        public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request.Headers.Authorization?.ToString(), await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }
    }
}
