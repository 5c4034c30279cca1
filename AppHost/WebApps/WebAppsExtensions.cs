using ShopAuthDemo.AppHost.Identity;
using ShopAuthDemo.AppHost.MutualTls;

namespace ShopAuthDemo.AppHost.WebApps;

public static class WebAppsExtensions
{
    /// <summary>
    /// shop-web and backoffice-web: two OpenID Connect clients of the same identity provider, on the fixed
    /// ports the realm registers (<see cref="WebAppUrls"/>), calling the APIs with the signed-in user's token.
    /// </summary>
    public static void AddWebApps(this IDistributedApplicationBuilder builder, IdentityProvider identityProvider,
        ServiceCertificates? certificates, IResourceBuilder<ProjectResource> catalog, IResourceBuilder<ProjectResource> orders,
        IResourceBuilder<ProjectResource> policy)
    {
        builder.AddProject<Projects.Shop_Web>("shop-web")
            .WithWebAppEndpoint(WebAppUrls.ShopWebPort, "Shop — start here (sign in as alice)")
            .WithWebClient(identityProvider, clientId: "shop-web", identityProvider.Realm.ShopWebClientSecret)
            .WithServiceCertificate(certificates)
            .WithReference(catalog).WaitFor(catalog)
            .WithReference(orders).WaitFor(orders)
            .WithHttpHealthCheck("/health");

        builder.AddProject<Projects.Backoffice_Web>("backoffice-web")
            .WithWebAppEndpoint(WebAppUrls.BackofficeWebPort, "Back office (sign in as carol)")
            .WithWebClient(identityProvider, clientId: "backoffice-web", identityProvider.Realm.BackofficeWebClientSecret)
            .WithServiceCertificate(certificates)
            .WithReference(catalog).WaitFor(catalog)
            .WithReference(orders).WaitFor(orders)
            .WithReference(policy).WaitFor(policy)
            .WithHttpHealthCheck("/health");
    }

    // The port is fixed, not allocated per run: the realm lists each app's redirect, post-logout and
    // back-channel logout URLs, and the identity provider refuses any other. The app listens on it itself
    // (no proxy), so the port stays fixed under Aspire.Hosting.Testing too, which moves proxied ports.
    private static IResourceBuilder<ProjectResource> WithWebAppEndpoint(
        this IResourceBuilder<ProjectResource> app, int port, string displayText) =>
        app.WithEndpoint("http", endpoint =>
            {
                endpoint.Port = port;
                endpoint.TargetPort = port;
                endpoint.IsProxied = false;
                endpoint.IsExternal = true;
            })
            .WithUrlForEndpoint("http", url => url.DisplayText = displayText);

    /// <summary>
    /// Identity:Authority, Identity:ClientId and Identity:ClientSecret for a web app signing users in. Unlike an
    /// API it validates no access tokens, so it has no audience of its own.
    /// </summary>
    private static IResourceBuilder<ProjectResource> WithWebClient(this IResourceBuilder<ProjectResource> app,
        IdentityProvider identityProvider, string clientId, IResourceBuilder<ParameterResource> clientSecret) =>
        app.WithEnvironment("Identity__Authority", identityProvider.Authority)
            .WithClientCredentials(identityProvider, clientId, clientSecret);
}
