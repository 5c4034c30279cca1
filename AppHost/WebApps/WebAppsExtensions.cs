using ShopAuthDemo.AppHost.Identity;
using ShopAuthDemo.AppHost.MutualTls;
using ShopAuthDemo.AppHost.Storage;

namespace ShopAuthDemo.AppHost.WebApps;

public static class WebAppsExtensions
{
    /// <summary>
    /// shop-web and backoffice-web: two OpenID Connect clients of the same identity provider, on the fixed
    /// ports the realm registers (<see cref="WebAppUrls"/>), calling the APIs with the signed-in user's token.
    /// </summary>
    public static void AddWebApps(this IDistributedApplicationBuilder builder, IdentityProvider identityProvider,
        ServiceCertificates? certificates, StorageResources storage, IResourceBuilder<ProjectResource> catalog, IResourceBuilder<ProjectResource> orders,
        IResourceBuilder<ProjectResource> policy)
    {
        var reachableFromContainers = KeycloakCallsBack(identityProvider);

        builder.AddProject<Projects.Shop_Web>("shop-web")
            .WithWebAppEndpoint(WebAppUrls.ShopWebPort, "Shop — start here (sign in as alice)", storage, reachableFromContainers)
            .WithSharedState(storage)
            .WithWebClient(identityProvider, clientId: "shop-web", identityProvider.Realm.ShopWebClientSecret)
            .WithServiceCertificate(certificates)
            .WithReference(catalog).WaitFor(catalog)
            .WithReference(orders).WaitFor(orders)
            .WithHttpHealthCheck("/health");

        builder.AddProject<Projects.Backoffice_Web>("backoffice-web")
            .WithWebAppEndpoint(WebAppUrls.BackofficeWebPort, "Back office (sign in as carol)", storage, reachableFromContainers)
            .WithSharedState(storage)
            .WithWebClient(identityProvider, clientId: "backoffice-web", identityProvider.Realm.BackofficeWebClientSecret)
            .WithServiceCertificate(certificates)
            .WithReference(catalog).WaitFor(catalog)
            .WithReference(orders).WaitFor(orders)
            .WithReference(policy).WaitFor(policy)
            .WithHttpHealthCheck("/health");
    }

    // The port is fixed, not allocated per run: the realm lists each app's redirect, post-logout and
    // back-channel logout URLs, and the identity provider refuses any other. One replica listens on it itself
    // (no proxy), so the port stays fixed under Aspire.Hosting.Testing too, which moves proxied ports. Two
    // replicas listen on ports of their own behind Aspire's proxy on the fixed port, which hands each TCP
    // connection to one replica (a circuit's WebSocket stays on the replica it reached).
    private static IResourceBuilder<ProjectResource> WithWebAppEndpoint(
        this IResourceBuilder<ProjectResource> app, int port, string displayText, StorageResources storage, bool reachableFromContainers) =>
        app.WithEndpoint("http", endpoint =>
            {
                endpoint.Port = port;
                endpoint.IsProxied = storage.Replicas > 1;
                if (!endpoint.IsProxied) endpoint.TargetPort = port;
                endpoint.IsExternal = true;
                // Keycloak's back-channel logout comes from its container through the host's gateway address
                // (Docker Engine on Linux), not loopback: listen there too. This also exposes the app on this
                // machine's network; the default (local stand-in) listens on loopback only.
                if (reachableFromContainers) endpoint.TargetHost = "0.0.0.0";
            })
            .WithUrlForEndpoint("http", url => url.DisplayText = displayText);

    // Docker Desktop (macOS, Windows) routes host.docker.internal to loopback for its containers itself.
    private static bool KeycloakCallsBack(IdentityProvider identityProvider) =>
        identityProvider.Choice.Kind == IdentityProviderKind.Keycloak && OperatingSystem.IsLinux();

    /// <summary>
    /// Identity:Authority, Identity:ClientId and Identity:ClientSecret for a web app signing users in. Unlike an
    /// API it validates no access tokens, so it has no audience of its own.
    /// </summary>
    private static IResourceBuilder<ProjectResource> WithWebClient(this IResourceBuilder<ProjectResource> app,
        IdentityProvider identityProvider, string clientId, IResourceBuilder<ParameterResource> clientSecret) =>
        app.WithEnvironment("Identity__Authority", identityProvider.Authority)
            .WithClientCredentials(identityProvider, clientId, clientSecret);
}
