using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Web.Authentication.Configuration;
using ShopAuthDemo.Web.Authentication.Tokens;

namespace ShopAuthDemo.Tests.Web.Support;

/// <summary>
/// A token endpoint that rotates refresh tokens as ours does (Identity.Local; Keycloak with revokeRefreshToken):
/// each refresh token works once, and one redeemed a second time revokes the whole sign-in (reuse detection).
/// It answers slowly, so that concurrent renewals really overlap.
/// </summary>
public sealed class RotatingIdentityProvider(string firstRefreshToken) : HttpMessageHandler
{
    private const string Authority = "https://identity.test/realms/shop";

    private readonly Lock _lock = new();
    private string? _current = firstRefreshToken;

    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Refresh tokens redeemed successfully.</summary>
    public int Redemptions { get; private set; }

    /// <summary>The one refresh token that still works; null once reuse revoked the sign-in.</summary>
    public string? CurrentRefreshToken
    {
        get { lock (_lock) return _current; }
    }

    /// <summary>A web app's token client (one replica's) talking to this endpoint.</summary>
    public TokenEndpointClient Client() => new(
        new TokenClientSettings(Authority, "shop-web", "test-secret"),
        new IdentityProviderDiscovery(new IdentityProviderMetadata(new FixedOpenIdConnectOptions(new OpenIdConnectOptions
        {
            ClientId = "shop-web",
            Configuration = new OpenIdConnectConfiguration { Issuer = Authority, TokenEndpoint = $"{Authority}/protocol/openid-connect/token" },
        })).GetAsync, requireHttps: true),
        new HttpClients(this),
        UnobservedMetrics.TokenRequests(),
        TimeProvider.System,
        NullLogger<TokenEndpointClient>.Instance);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var form = await request.Content!.ReadAsStringAsync(cancellationToken);
        var presented = form.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]))["refresh_token"];
        await Task.Delay(Latency, cancellationToken);
        lock (_lock)
        {
            if (presented != _current)
            {
                _current = null;
                return Json(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"refresh token reused"}""");
            }
            Redemptions++;
            _current = $"refresh-token-{Redemptions}";
            return Json(HttpStatusCode.OK,
                $$"""{"access_token":"access-token-{{Redemptions}}","refresh_token":"{{_current}}","token_type":"Bearer","expires_in":300}""");
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private sealed class HttpClients(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
