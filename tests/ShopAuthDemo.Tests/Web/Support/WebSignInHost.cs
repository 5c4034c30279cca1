using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ShopAuthDemo.Web.Authentication.Configuration;
using ShopAuthDemo.Web.Authentication.Sessions;
using Xunit;

namespace ShopAuthDemo.Tests.Web.Support;

/// <summary>
/// The web apps' real sign-in setup (AddWebAuthentication: cookie handler, server-side sessions, the login
/// endpoint) in a test server. The identity provider is a recorder: its revocation endpoint notes each token,
/// its token endpoint refuses every refresh. /test/callback/{user} signs a user in the way the OpenID Connect
/// callback does (marked before anything reads the cookie); /test/renewal/{user} signs in without the mark.
/// </summary>
public sealed class WebSignInHost : IAsyncDisposable
{
    public const string CookieName = "shop.session";
    private const string IdentityProvider = "https://identity.test/realms/shop/protocol/openid-connect";

    private readonly WebApplication _app;

    private readonly List<string> _revoked;

    private WebSignInHost(WebApplication app, List<string> revoked) => (_app, _revoked) = (app, revoked);

    public IServiceProvider Services => _app.Services;

    /// <param name="environment">Development, as the AppHost runs the web apps, unless a test says otherwise.</param>
    /// <param name="applicationName">
    /// Hosts with the same name and the same Redis (ConnectionStrings:redis in <paramref name="settings"/>) are
    /// replicas of one app: one key ring, one session store.
    /// </param>
    public static async Task<WebSignInHost> StartAsync(IDictionary<string, string?>? settings = null, string environment = "Development",
        string? applicationName = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        if (applicationName is not null) builder.Environment.ApplicationName = applicationName;
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Identity:Authority"] = "https://identity.test/realms/shop",
            ["Identity:ClientId"] = "shop-web",
            ["Identity:ClientSecret"] = "test-secret",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        // What AddServiceDefaults gives every app: its data-protection key ring, and with Redis the shared one.
        builder.AddSharedState();
        builder.AddWebAuthentication(new WebAppSignIn(CookieName, ["orders"]));
        builder.Services.AddAntiforgery();

        var revoked = new List<string>();
        builder.Services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, oidc =>
            oidc.Configuration = new OpenIdConnectConfiguration
            {
                Issuer = "https://identity.test/realms/shop",
                AuthorizationEndpoint = $"{IdentityProvider}/auth",
                TokenEndpoint = $"{IdentityProvider}/token",
                RevocationEndpoint = $"{IdentityProvider}/revoke",
                EndSessionEndpoint = $"{IdentityProvider}/logout",
            });
        builder.Services.AddHttpClient(TokenManagementExtensions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new IdentityProviderRecorder(revoked));

        var app = builder.Build();
        // The OpenID Connect handler handles its callback first thing in UseAuthentication, before the cookie
        // is read; this does the same for the simulated callback.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/test/callback"))
                NewSignIn.MarkUnderway(context, Principal(context.Request.Path.Value!.Split('/')[^1], context.Request.Query["sid"]));
            return next(context);
        });
        app.UseAuthentication();
        app.MapWebAuthenticationEndpoints();
        app.MapGet("/test/callback/{user}", (string user, string? sid, HttpContext context) => SignInAsync(user, sid, context));
        app.MapGet("/test/renewal/{user}", (string user, string? sid, HttpContext context) => SignInAsync(user, sid, context));
        app.MapGet("/test/me", async (HttpContext context, IUserSessionStore sessions) =>
            await sessions.FindAsync(context.User.FindFirstValue(SessionClaimTypes.SessionKey)) is { } session
                ? Results.Text($"{context.User.Identity!.Name} {session.Subject} {session.IdentityProviderSessionId} {session.Tokens?.AccessToken}")
                : Results.Unauthorized());
        await app.StartAsync();

        return new WebSignInHost(app, revoked);
    }

    /// <summary>What the identity provider has been asked to revoke so far.</summary>
    public IReadOnlyList<string> Revoked
    {
        get { lock (_revoked) return [.. _revoked]; }
    }

    public IUserSessionStore Sessions => Services.GetRequiredService<IUserSessionStore>();

    public HttpClient CreateClient() => _app.GetTestServer().CreateClient();

    /// <summary>Sends a request with the given session cookie (or none); returns the response and the cookie it set.</summary>
    public async Task<(HttpResponseMessage Response, string? SetCookie)> GetAsync(string path, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookie is not null) request.Headers.Add("Cookie", $"{CookieName}={cookie}");
        var response = await CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        var set = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).Where(v => v.StartsWith(CookieName + "=", StringComparison.Ordinal))
                .Select(v => v[(CookieName.Length + 1)..]).LastOrDefault()
            : null;
        return (response, set);
    }

    /// <summary>Signs the user in as the identity provider's callback does; returns the new session cookie.</summary>
    /// <param name="sid">The identity provider's session; "sid-of-{user}" unless given.</param>
    public async Task<string> SignInAsync(string user, string? existingCookie = null, string path = "/test/callback", string? sid = null)
    {
        var (response, cookie) = await GetAsync($"{path}/{user}{(sid is null ? "" : $"?sid={sid}")}", existingCookie);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return cookie ?? throw new InvalidOperationException("The sign-in set no session cookie.");
    }

    /// <summary>Who /test/me says is signed in with this cookie: "name sub sid access-token", or null (401).</summary>
    public async Task<string?> WhoAsync(string cookie)
    {
        var (response, _) = await GetAsync("/test/me", cookie);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
    }

    private static ClaimsPrincipal Principal(string user, string? sid) => new(new ClaimsIdentity(
        [new Claim("sub", $"{user}-id"), new Claim("sid", sid ?? $"sid-of-{user}"), new Claim("preferred_username", user)],
        "oidc", "preferred_username", "role"));

    private static async Task<IResult> SignInAsync(string user, string? sid, HttpContext context)
    {
        var properties = new AuthenticationProperties();
        properties.StoreTokens([
            new AuthenticationToken { Name = "access_token", Value = $"access-token-of-{user}" },
            new AuthenticationToken { Name = "refresh_token", Value = $"refresh-token-of-{user}" },
            new AuthenticationToken { Name = "id_token", Value = $"id-token-of-{user}" },
            new AuthenticationToken { Name = "expires_at", Value = DateTimeOffset.UtcNow.AddMinutes(5).ToString("o") },
        ]);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, Principal(user, sid), properties);
        return Results.Ok();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    // Revocation: 200 and noted (RFC 7009). Refresh: invalid_grant, as after a logout elsewhere.
    private sealed class IdentityProviderRecorder(List<string> revoked) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = await request.Content!.ReadAsStringAsync(cancellationToken);
            var fields = form.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
            if (request.RequestUri!.AbsolutePath.EndsWith("/revoke", StringComparison.Ordinal))
            {
                lock (revoked) revoked.Add(fields["token"]);
                return new HttpResponseMessage(HttpStatusCode.OK);
            }
            return new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                Content = new StringContent("""{"error":"invalid_grant"}""", System.Text.Encoding.UTF8, "application/json"),
            };
        }
    }
}
