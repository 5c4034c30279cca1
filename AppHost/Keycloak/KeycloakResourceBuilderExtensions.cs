namespace ShopAuthDemo.AppHost.Keycloak;

// Aspire.Hosting.Keycloak is not on the package feed our machines reach, so this file does what
// it does, with the same method names: swapping to the package later means deleting this folder
// and adding one PackageReference.
public static class KeycloakResourceBuilderExtensions
{
    // Pinned, never "latest": standard token exchange (RFC 8693, used by orders-api) needs Keycloak
    // 26.2 or later, and the realm file is written against this version's import schema.
    private const string Image = "quay.io/keycloak/keycloak";
    private const string Tag = "26.7.0";

    private const string RealmImportDirectory = "/opt/keycloak/data/import";
    private const string DataDirectory = "/opt/keycloak/data";
    private const int DefaultContainerPort = 8080;
    private const int ManagementPort = 9000;

    public static IResourceBuilder<KeycloakResource> AddKeycloak(
        this IDistributedApplicationBuilder builder,
        string name,
        int? port = null,
        IResourceBuilder<ParameterResource>? adminUsername = null,
        IResourceBuilder<ParameterResource>? adminPassword = null)
    {
        var passwordParameter = adminPassword?.Resource
            ?? ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password");

        var keycloak = new KeycloakResource(name, adminUsername?.Resource, passwordParameter);

        return builder.AddResource(keycloak)
            .WithImage(Image, Tag)
            .WithHttpEndpoint(port: port, targetPort: DefaultContainerPort)
            .WithHttpEndpoint(targetPort: ManagementPort, name: KeycloakResource.ManagementEndpointName)
            .WithHttpHealthCheck("/health/ready", endpointName: KeycloakResource.ManagementEndpointName)
            .WithEnvironment("KC_HEALTH_ENABLED", "true")
            .WithEnvironment(context =>
            {
                context.EnvironmentVariables["KC_BOOTSTRAP_ADMIN_USERNAME"] =
                    keycloak.AdminUserNameParameter is { } user ? user : "admin";
                context.EnvironmentVariables["KC_BOOTSTRAP_ADMIN_PASSWORD"] = keycloak.AdminPasswordParameter;
            })
            // start-dev on a developer's machine; a published deployment starts in production mode (strict hostname,
            // no dev defaults), which is where this differs from Aspire.Hosting.Keycloak.
            .WithArgs(builder.ExecutionContext.IsPublishMode ? "start" : "start-dev");
    }

    /// <summary>Imports every realm file in <paramref name="import"/> (a folder, relative to the AppHost) at start.</summary>
    /// <remarks>Keycloak skips a realm that already exists, so with a data volume a changed file needs the volume removed.</remarks>
    public static IResourceBuilder<KeycloakResource> WithRealmImport(
        this IResourceBuilder<KeycloakResource> builder, string import)
    {
        var path = Path.GetFullPath(import, builder.ApplicationBuilder.AppHostDirectory);

        return builder
            .WithBindMount(path, RealmImportDirectory, isReadOnly: true)
            .WithArgs("--import-realm");
    }

    /// <summary>Keeps Keycloak's database (realms, sessions, admin changes) across AppHost runs.</summary>
    public static IResourceBuilder<KeycloakResource> WithDataVolume(
        this IResourceBuilder<KeycloakResource> builder, string? name = null) =>
        builder.WithVolume(name ?? VolumeNameGenerator.Generate(builder, "data"), DataDirectory);
}
