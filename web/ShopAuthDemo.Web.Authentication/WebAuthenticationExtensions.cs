using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShopAuthDemo.ServiceDefaults.Authentication;
using ShopAuthDemo.ServiceDefaults.SharedState;
using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Web.Authentication.BackchannelLogout;
using ShopAuthDemo.Web.Authentication.Circuits;
using ShopAuthDemo.Web.Authentication.Configuration;
using ShopAuthDemo.Web.Authentication.Endpoints;
using ShopAuthDemo.Web.Authentication.OpenIdConnect;
using ShopAuthDemo.Web.Authentication.Sessions;
using ShopAuthDemo.Web.Authentication.Tokens;

namespace Microsoft.Extensions.Hosting;

public static class WebAuthenticationExtensions
{
    /// <summary>
    /// Sign-in for a web app: a cookie session whose ticket and tokens stay on the server, OpenID Connect
    /// (authorization code + PKCE, confidential client) against Identity:Authority, tokens renewed before
    /// they expire, and back-channel logout. Map the endpoints with <c>MapWebAuthenticationEndpoints</c>.
    /// </summary>
    public static TBuilder AddWebAuthentication<TBuilder>(this TBuilder builder, WebAppSignIn signIn)
        where TBuilder : IHostApplicationBuilder
    {
        var settings = TokenClientSettings.From(builder.Configuration);
        var services = builder.Services;
        var httpsOnly = BrowserCookies.ServedOnlyOverHttps(builder.Configuration, builder.Environment);

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie => SessionCookie.Configure(cookie, signIn, httpsOnly))
            .AddOpenIdConnect(oidc => OpenIdConnectSetup.Configure(oidc, settings, signIn, builder.Environment.IsDevelopment(), httpsOnly));
        // After the antiforgery defaults (which name the cookie), wherever the app adds antiforgery.
        services.PostConfigure<AntiforgeryOptions>(antiforgery => BrowserCookies.Apply(antiforgery.Cookie, httpsOnly));

        // The cookie carries only a key; the ticket lives in the server-side store.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<ServerSideTicketStore>((cookie, store) => cookie.SessionStore = store);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(settings);
        AddSessionStore(services, builder);
        services.AddSingleton<ServerSideTicketStore>();
        services.AddSingleton<SessionEnd>();
        services.AddSingleton<IdentityProviderMetadata>();
        // The same rule as the OpenID Connect handler's RequireHttpsMetadata (OpenIdConnectSetup).
        services.AddSingleton(provider => new IdentityProviderDiscovery(
            provider.GetRequiredService<IdentityProviderMetadata>().GetAsync, requireHttps: !builder.Environment.IsDevelopment()));
        // The services' token-endpoint client (ServiceDefaults/TokenManagement), counted in the same meter.
        services.AddMetrics();
        services.AddSingleton<TokenManagementMetrics>();
        services.AddSingleton<TokenEndpointClient>();
        services.AddHttpClient(TokenManagementExtensions.HttpClientName);
        services.AddSingleton<UserAccessTokens>();
        services.AddSingleton<LogoutTokenValidator>();

        // Finding the user's tokens from an interactive circuit, where there is no HttpContext.
        services.AddHttpContextAccessor();
        services.AddSingleton<CircuitServicesAccessor>();
        services.AddScoped<CircuitHandler, CircuitServicesAccessorHandler>();
        services.AddSingleton<CurrentUserSession>();
        services.AddTransient<UserAccessTokenHandler>();
        services.AddExceptionHandler<IdentityProviderUnreachableHandler>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingAuthenticationStateProvider>();
        // realm_access.roles from the ID token become role claims (KeycloakClaimTypes.Role), as in the APIs;
        // a role claim the token brought along is dropped.
        services.AddTransient<IClaimsTransformation, KeycloakRoleClaimsTransformation>();
        services.AddAuthorization();

        return builder;
    }

    // Where the sessions and the accepted logout tokens live: in Redis when the AppHost references one, so
    // that every replica sees them alike; otherwise in this process (one replica).
    private static void AddSessionStore(IServiceCollection services, IHostApplicationBuilder builder)
    {
        if (!SharedStateSettings.UsesRedis(builder.Configuration))
        {
            services.AddSingleton<IUserSessionStore, InMemoryUserSessionStore>();
            services.AddSingleton<ILogoutTokenReplayCache, InMemoryLogoutTokenReplayCache>();
            return;
        }

        // IConnectionMultiplexer and the app's shared data-protection key ring come from AddServiceDefaults.
        services.AddSingleton(RedisSessionKeys.ForApplication(builder.Environment.ApplicationName));
        services.AddSingleton<ProtectedSessionFormat>();
        services.AddSingleton<IUserSessionStore, RedisUserSessionStore>();
        services.AddSingleton<ILogoutTokenReplayCache, RedisLogoutTokenReplayCache>();
        services.AddExceptionHandler<SessionStoreUnreachableHandler>();
    }

    /// <summary>Sends the signed-in user's access token (renewed when due) with every request of this client.</summary>
    public static IHttpClientBuilder AddUserAccessToken(this IHttpClientBuilder http) =>
        http.AddHttpMessageHandler<UserAccessTokenHandler>();
}
