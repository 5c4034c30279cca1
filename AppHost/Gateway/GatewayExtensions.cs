using ShopAuthDemo.AppHost.Identity;
using ShopAuthDemo.AppHost.MutualTls;
using ShopAuthDemo.AppHost.Storage;

namespace ShopAuthDemo.AppHost.Gateway;

public static class GatewayExtensions
{
    private const string PartnerClientId = "partner-acme";

    /// <summary>
    /// The gateway, the one entry for external API callers, and partner-shipping, an external partner
    /// that knows only the gateway's address and its own client credentials.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddGatewayAndPartner(this IDistributedApplicationBuilder builder,
        IdentityProvider identityProvider, ServiceCertificates? certificates, StorageResources storage, IResourceBuilder<ProjectResource> catalog, IResourceBuilder<ProjectResource> orders)
    {
        var gateway = builder.AddProject<Projects.Gateway>("gateway")
            // Tokens for any API the gateway fronts; each route then asks for its own audience.
            .WithEnvironment("Identity__Authority", identityProvider.Authority)
            .WithEnvironment("Identity__Audiences__0", "catalog-api")
            .WithEnvironment("Identity__Audiences__1", "orders-api")
            .WaitFor(identityProvider.Resource)
            // The address callers use (the explorer's URLs and sign-in redirect; never the request's Host header).
            .WithEnvironment("Gateway__PublicUrl", GatewayUrls.Gateway())
            // The realm's public client for signing in on the API explorer page (code + PKCE), and the partner
            // whose client credentials the page may fetch: /identity/token relays only these.
            .WithEnvironment("Gateway__ApiExplorer__ClientId", "api-explorer")
            .WithEnvironment("Gateway__ApiExplorer__PartnerClientIds__0", PartnerClientId)
            // It calls catalog-api and orders-api over mutual TLS; callers reach it without a certificate.
            .WithServiceCertificate(certificates)
            .WithReference(catalog)
            .WithReference(orders)
            // Replicas share one rate-limit budget per caller in Redis; Aspire's proxy spreads callers over them.
            .WithSharedState(storage)
            .WithEndpoint("http", endpoint =>
            {
                endpoint.Port = GatewayUrls.GatewayPort;
                endpoint.IsExternal = true;
            })
            .WithUrlForEndpoint("http", url => url.DisplayText = "Gateway (external API)")
            .WithUrlForEndpoint("http", _ => new() { Url = "/scalar/", DisplayText = "API explorer (Scalar)" })
            .WithHttpHealthCheck("/health");

        builder.AddProject<Projects.Partner_Shipping>("partner-shipping")
            .WithEnvironment("Identity__Authority", identityProvider.Authority)
            .WithClientCredentials(identityProvider, clientId: PartnerClientId, identityProvider.Realm.PartnerAcmeClientSecret)
            // Only the gateway: the partner is outside, it has no route to orders-api itself.
            .WithReference(gateway)
            .WaitFor(gateway)
            .WithHttpHealthCheck("/health");

        return gateway;
    }
}
