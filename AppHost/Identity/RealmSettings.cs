using ShopAuthDemo.AppHost.Gateway;
using ShopAuthDemo.AppHost.WebApps;

namespace ShopAuthDemo.AppHost.Identity;

/// <summary>Everything the realm file (Realms/shop-realm.json) leaves as a ${PLACEHOLDER}, in one place.</summary>
public sealed class RealmSettings
{
    public const string RealmName = "shop";
    public const string RealmFolder = "Realms";

    public required string RealmFilePath { get; init; }
    public required IResourceBuilder<ParameterResource> ShopWebClientSecret { get; init; }
    public required IResourceBuilder<ParameterResource> BackofficeWebClientSecret { get; init; }
    public required IResourceBuilder<ParameterResource> OrdersApiClientSecret { get; init; }
    public required IResourceBuilder<ParameterResource> PartnerAcmeClientSecret { get; init; }
    public required IResourceBuilder<ParameterResource> CatalogApiClientSecret { get; init; }
    public required IResourceBuilder<ParameterResource> PolicyApiClientSecret { get; init; }

    /// <summary>Realm shop's secret as a client of realm northwind (client shop-broker): the broker's credential there.</summary>
    public required IResourceBuilder<ParameterResource> NorthwindBrokerClientSecret { get; init; }

    /// <summary>The password of the dev users alice, bob and carol (realm shop) and dave (realm northwind).</summary>
    public required IResourceBuilder<ParameterResource> DevUserPassword { get; init; }

    /// <summary>
    /// Seconds an access token issued to the web apps lives (Realm:WebAccessTokenLifespan, default 300).
    /// Tests shorten it to watch the web apps refresh tokens.
    /// </summary>
    public required string WebAccessTokenLifespan { get; init; }

    public static RealmSettings AddParameters(IDistributedApplicationBuilder builder) => new()
    {
        RealmFilePath = Path.Combine(builder.AppHostDirectory, RealmFolder, $"{RealmName}-realm.json"),
        ShopWebClientSecret = builder.AddGeneratedSecret("shop-web-client-secret"),
        BackofficeWebClientSecret = builder.AddGeneratedSecret("backoffice-web-client-secret"),
        OrdersApiClientSecret = builder.AddGeneratedSecret("orders-api-client-secret"),
        PartnerAcmeClientSecret = builder.AddGeneratedSecret("partner-acme-client-secret"),
        CatalogApiClientSecret = builder.AddGeneratedSecret("catalog-api-client-secret"),
        PolicyApiClientSecret = builder.AddGeneratedSecret("policy-api-client-secret"),
        NorthwindBrokerClientSecret = builder.AddGeneratedSecret("northwind-broker-client-secret"),
        DevUserPassword = builder.AddGeneratedSecret("dev-user-password"),
        WebAccessTokenLifespan = builder.Configuration["Realm:WebAccessTokenLifespan"] ?? "300",
    };
}

public static class RealmSettingsExtensions
{
    /// <summary>
    /// A secret generated on first run and kept in the AppHost's user secrets (Parameters:{name}),
    /// so it never appears in code and stays the same across runs.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddGeneratedSecret(
        this IDistributedApplicationBuilder builder, string name) =>
        // Letters and digits only: the values travel in form posts and Basic auth headers and are
        // typed into a login page, where special characters would need escaping.
        builder.AddParameter(name, new GenerateParameterDefault { MinLength = 32, Special = false },
            secret: true, persist: true);

    /// <summary>
    /// Both identity providers replace ${NAME} in the realm file with the environment variable NAME.
    /// </summary>
    /// <param name="webAppsHost">
    /// The host name under which the identity provider itself reaches the web apps for back-channel logout:
    /// "localhost" from a process on this machine, "host.docker.internal" from inside a container.
    /// </param>
    public static IResourceBuilder<T> WithRealmSettings<T>(
        this IResourceBuilder<T> identityProvider, RealmSettings realm, string webAppsHost)
        where T : IResourceWithEnvironment =>
        identityProvider
            // The browser's view: redirect and post-logout URIs.
            .WithEnvironment("SHOP_WEB_URL", WebAppUrls.ShopWeb())
            .WithEnvironment("BACKOFFICE_WEB_URL", WebAppUrls.BackofficeWeb())
            // The API explorer's sign-in redirect (client api-explorer), also a browser URL.
            .WithEnvironment("GATEWAY_URL", GatewayUrls.Gateway())
            // The identity provider's own view: where it POSTs back-channel logout tokens.
            .WithEnvironment("SHOP_WEB_BACKCHANNEL_URL", WebAppUrls.ShopWeb(webAppsHost))
            .WithEnvironment("BACKOFFICE_WEB_BACKCHANNEL_URL", WebAppUrls.BackofficeWeb(webAppsHost))
            .WithEnvironment("SHOP_WEB_CLIENT_SECRET", realm.ShopWebClientSecret)
            .WithEnvironment("BACKOFFICE_WEB_CLIENT_SECRET", realm.BackofficeWebClientSecret)
            .WithEnvironment("ORDERS_API_CLIENT_SECRET", realm.OrdersApiClientSecret)
            .WithEnvironment("PARTNER_ACME_CLIENT_SECRET", realm.PartnerAcmeClientSecret)
            .WithEnvironment("CATALOG_API_CLIENT_SECRET", realm.CatalogApiClientSecret)
            .WithEnvironment("POLICY_API_CLIENT_SECRET", realm.PolicyApiClientSecret)
            .WithEnvironment("NORTHWIND_BROKER_CLIENT_SECRET", realm.NorthwindBrokerClientSecret)
            .WithEnvironment("DEV_USER_PASSWORD", realm.DevUserPassword)
            .WithEnvironment("WEB_ACCESS_TOKEN_LIFESPAN", realm.WebAccessTokenLifespan);
}
