using ShopAuthDemo.AppHost.Keycloak;
using ShopAuthDemo.AppHost.Storage;

namespace ShopAuthDemo.AppHost.Identity;

internal static class KeycloakIdentityProvider
{
    // A fixed port, like the web apps' (WebApps/WebAppUrls.cs): realm URLs are written into the realms at their first
    // import (the broker's and Northwind's redirect URIs), and the data volume keeps them across runs.
    public const int Port = 8180;

    /// <summary>How the browser (and every service on this machine) reaches Keycloak.</summary>
    public static readonly string BrowserUrl = $"http://localhost:{Port}";

    /// <summary>How Keycloak reaches itself from inside its container.</summary>
    public const string InContainerUrl = "http://localhost:8080";

    /// <summary>A published deployment's public address of Keycloak (its ingress, with TLS), asked for at deploy time.</summary>
    public const string PublicUrlParameter = "keycloak-public-url";

    /// <summary>The URL browsers use for Keycloak: this machine's fixed port, or the deployment's public address.</summary>
    public static ReferenceExpression PublicUrl(IDistributedApplicationBuilder builder) =>
        builder.ExecutionContext.IsPublishMode
            ? ReferenceExpression.Create($"{builder.Resources.OfType<ParameterResource>().Single(p => p.Name == PublicUrlParameter)}")
            : ReferenceExpression.Create($"{BrowserUrl}");

    public static IResourceBuilder<KeycloakResource> AddShopKeycloak(
        this IDistributedApplicationBuilder builder, RealmSettings realm, StorageResources storage)
    {
        var adminPassword = builder.AddGeneratedSecret("keycloak-admin-password");
        if (builder.ExecutionContext.IsPublishMode) builder.AddParameter(PublicUrlParameter);

        return builder.AddKeycloak("keycloak", port: Port, adminPassword: adminPassword)
            // One issuer per realm whichever URL a request used: the browser's. Requests from inside the container
            // (the broker redeeming a Northwind code) may still use the container's own address.
            .WithEnvironment("KC_HOSTNAME", PublicUrl(builder))
            .WithEnvironment("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true")
            .WithProductionShapeWhenPublished()
            .WithRealmImport(RealmSettings.RealmFolder)
            .WithDataVolume()
            .WithPostgresDatabase(storage)
            .WithHostGatewayOnLinux(ContainerHostName(builder))
            // Keycloak runs in a container, where "localhost" is the container itself; it reaches the
            // web apps on this machine through the host name Aspire gives its containers for that.
            .WithRealmSettings(realm, webAppsHost: ContainerHostName(builder))
            .WithEndpoint("http", endpoint => endpoint.IsExternal = true)
            .WithUrlForEndpoint("http", url => url.DisplayText = "Sign-in server (Keycloak)")
            .WithUrlForEndpoint("http", endpoint => new() { Url = "/admin", DisplayText = "Keycloak admin console" })
            .WithUrlForEndpoint(KeycloakResource.ManagementEndpointName,
                url => url.DisplayLocation = UrlDisplayLocation.DetailsOnly);
    }

    // Behind a deployment's ingress: TLS ends there, so Keycloak serves http inside and trusts the ingress's
    // X-Forwarded-* headers for the scheme and host; health stays on the management port (9000), off the public one.
    private static IResourceBuilder<KeycloakResource> WithProductionShapeWhenPublished(this IResourceBuilder<KeycloakResource> keycloak) =>
        keycloak.ApplicationBuilder.ExecutionContext.IsPublishMode
            ? keycloak
                .WithEnvironment("KC_PROXY_HEADERS", "xforwarded")
                .WithEnvironment("KC_HTTP_ENABLED", "true")
            : keycloak;

    // Keycloak's production database: the run's PostgreSQL container (one more database in it), reached over the
    // containers' own network. Without one (embedded, or servers on this machine's loopback, which a container cannot
    // reach) Keycloak keeps its development database in the data volume. Running, Keycloak signs in as a role of its
    // own, owner of keycloakdb only (Storage/Accounts/); published, the deployment gives it its database user.
    private static IResourceBuilder<KeycloakResource> WithPostgresDatabase(
        this IResourceBuilder<KeycloakResource> keycloak, StorageResources storage)
    {
        if (storage.PostgresContainer is not { } postgres) return keycloak;

        const string databaseName = "keycloakdb";
        var server = postgres.Resource.PrimaryEndpoint;
        keycloak = keycloak
            .WithEnvironment("KC_DB", "postgres")
            .WithEnvironment("KC_DB_URL", ReferenceExpression.Create(
                $"jdbc:postgresql://{server.Property(EndpointProperty.Host)}:{server.Property(EndpointProperty.TargetPort)}/{databaseName}"));
        if (storage.PostgresRoles is { } roles)
        {
            var role = roles.For(keycloak.Resource.Name, databaseName);
            return keycloak
                .WithEnvironment("KC_DB_USERNAME", role.Name)
                .WithEnvironment("KC_DB_PASSWORD", role.Password)
                .WaitFor(postgres);
        }

        var database = postgres.AddDatabase(databaseName);
        return keycloak
            .WithEnvironment("KC_DB_USERNAME", postgres.Resource.UserNameReference)
            .WithEnvironment("KC_DB_PASSWORD", postgres.Resource.PasswordParameter)
            .WaitFor(database);
    }

    // Back-channel logout goes from Keycloak's container to the web apps on this machine at host.docker.internal.
    // Docker Desktop and Podman resolve that name themselves; Docker Engine on Linux does not, so map it to the
    // host's gateway address (the web apps then listen on all interfaces: see WebApps/WebAppsExtensions.cs).
    private static IResourceBuilder<KeycloakResource> WithHostGatewayOnLinux(
        this IResourceBuilder<KeycloakResource> keycloak, string containerHostName) =>
        OperatingSystem.IsLinux() && containerHostName == "host.docker.internal"
            && keycloak.ApplicationBuilder.ExecutionContext.IsRunMode
            ? keycloak.WithContainerRuntimeArgs($"--add-host={containerHostName}:host-gateway")
            : keycloak;

    // The same setting, and default, Aspire itself uses (e.g. set it to host.containers.internal for Podman).
    private static string ContainerHostName(IDistributedApplicationBuilder builder) =>
        builder.Configuration["AppHost:ContainerHostname"] ?? "host.docker.internal";
}
