using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Identity.Local.Admin;
using ShopAuthDemo.Identity.Local.Endpoints;
using ShopAuthDemo.Identity.Local.Federation;
using ShopAuthDemo.Identity.Local.Login;
using ShopAuthDemo.Identity.Local.Logout;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Seeding;
using ShopAuthDemo.Identity.Local.Sessions;
using ShopAuthDemo.Identity.Local.Tokens;

namespace ShopAuthDemo.Identity.Local.Extensions;

public static class LocalIdentityProviderExtensions
{
    public static WebApplicationBuilder AddLocalIdentityProvider(this WebApplicationBuilder builder)
    {
        // A stand-in with ephemeral keys and dev users has no business anywhere but a developer's machine.
        if (!builder.Environment.IsDevelopment())
            throw new InvalidOperationException(
                "Identity.Local is a development stand-in for Keycloak and only runs in the Development environment.");

        var configuration = builder.Configuration;
        var issuer = new Uri(Required(configuration, "Identity:Issuer"));     // e.g. http://localhost:5001/realms/shop
        var realmFile = Required(configuration, "Realm:File");                 // path of AppHost/Realms/shop-realm.json
        var realm = RealmFile.Load(realmFile, name => configuration[name]);    // ${NAME} from environment, like Keycloak

        var services = builder.Services;
        services.AddSingleton(realm);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SsoSessionStore>();
        services.AddSingleton<ReauthenticationRequests>();
        services.AddSingleton<BruteForceProtector>();
        services.AddSingleton(new UnknownLoginNames());
        services.AddSingleton<TokenPrincipalFactory>();
        services.AddSingleton<TokenExchangeRules>();
        services.AddSingleton<LogoutTokenFactory>();
        services.AddSingleton<BackchannelLogoutNotifier>();
        services.AddHttpClient(BackchannelLogoutNotifier.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(5));

        // Identity brokering: the realm's other identity providers (Federation/).
        services.AddSingleton(new IssuerUri(issuer));
        services.AddSingleton<PendingBrokerSignIns>();
        services.AddSingleton<BrokeredUsers>();
        services.AddSingleton<BrokerLogout>();
        services.AddSingleton<IdentityProviderClient>();
        services.AddHttpClient(IdentityProviderClient.HttpClientName, http =>
            {
                http.Timeout = TimeSpan.FromSeconds(10);
                http.MaxResponseContentBufferSize = 1024 * 1024;
            })
            // A redirect from the token endpoint would resend the client secret in the form to wherever it points.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        // Created by the container on first use, so the container also deletes it when the process stops.
        services.AddSingleton<ScratchDatabase>();
        services.AddDbContext<IdentityLocalDbContext>((provider, db) =>
            db.UseSqlite(provider.GetRequiredService<ScratchDatabase>().ConnectionString).UseOpenIddict());
        services.AddOpenIddictServer(realm, issuer);
        services.AddAuthentication().AddSsoCookie(realm);
        services.AddAuthorization();
        services.AddAntiforgery(options => options.Cookie.Path = realm.Paths.Realm);
        services.AddHostedService<RealmClientRegistration>();
        builder.AddAdminApi(issuer);
        return builder;
    }

    public static WebApplication MapLocalIdentityProvider(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        var paths = app.Services.GetRequiredService<LocalRealm>().Paths;
        string[] getAndPost = [HttpMethods.Get, HttpMethods.Post];
        app.MapMethods(paths.Authorize, getAndPost, AuthorizeEndpoint.HandleAsync);
        app.MapPost(paths.Token, TokenEndpoint.HandleAsync);
        app.MapMethods(paths.UserInfo, getAndPost, UserInfoEndpoint.HandleAsync);
        app.MapMethods(paths.Logout, getAndPost, EndSessionEndpoint.HandleAsync);
        app.MapGet(paths.Status, StatusPage.HandleAsync);
        app.MapLogin(paths);
        app.MapIdentityBrokering(paths);
        app.MapAdminApi(paths);
        return app;
    }

    private static string Required(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Configuration missing value for: {key}");
}
