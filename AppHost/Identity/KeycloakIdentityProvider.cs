using ShopAuthDemo.AppHost.Keycloak;

namespace ShopAuthDemo.AppHost.Identity;

internal static class KeycloakIdentityProvider
{
    public static IResourceBuilder<KeycloakResource> AddShopKeycloak(
        this IDistributedApplicationBuilder builder, RealmSettings realm)
    {
        var adminPassword = builder.AddGeneratedSecret("keycloak-admin-password");

        return builder.AddKeycloak("keycloak", adminPassword: adminPassword)
            .WithRealmImport(RealmSettings.RealmFolder)
            .WithDataVolume()
            // Keycloak runs in a container, where "localhost" is the container itself; it reaches the
            // web apps on this machine through the host name Aspire gives its containers for that.
            .WithRealmSettings(realm, webAppsHost: ContainerHostName(builder))
            .WithEndpoint("http", endpoint => endpoint.IsExternal = true)
            .WithUrlForEndpoint("http", url => url.DisplayText = "Sign-in server (Keycloak)")
            .WithUrlForEndpoint("http", endpoint => new() { Url = "/admin", DisplayText = "Keycloak admin console" })
            .WithUrlForEndpoint(KeycloakResource.ManagementEndpointName,
                url => url.DisplayLocation = UrlDisplayLocation.DetailsOnly);
    }

    // The same setting, and default, Aspire itself uses (e.g. set it to host.containers.internal for Podman).
    private static string ContainerHostName(IDistributedApplicationBuilder builder) =>
        builder.Configuration["AppHost:ContainerHostname"] ?? "host.docker.internal";
}
