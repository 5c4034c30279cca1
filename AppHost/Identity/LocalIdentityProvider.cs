namespace ShopAuthDemo.AppHost.Identity;

internal static class LocalIdentityProvider
{
    /// <summary>services/Identity.Local: a development stand-in serving the same realm file on Keycloak's paths.</summary>
    public static IResourceBuilder<ProjectResource> AddLocalIdentityProvider(
        this IDistributedApplicationBuilder builder, RealmSettings realm)
    {
        var identity = builder.AddProject<Projects.Identity_Local>("identity-local");
        // Keycloak's admin password, under the same parameter: user "admin" rotates the signing key here.
        var adminPassword = builder.AddGeneratedSecret("keycloak-admin-password");

        return identity
            // Keycloak derives its issuer from the URL it is called on; the stand-in is told it.
            .WithEnvironment("Identity__Issuer",
                ReferenceExpression.Create($"{identity.GetEndpoint("http")}/realms/{RealmSettings.RealmName}"))
            .WithEnvironment("Realm__File", realm.RealmFilePath)
            // A process on this machine reaches the web apps on localhost, like the browser does.
            .WithRealmSettings(realm, webAppsHost: "localhost")
            .WithEnvironment("Admin__Password", adminPassword)
            .WithSigningKeyRotationCommand(adminPassword)
            .WithHttpHealthCheck("/health")
            .WithExternalHttpEndpoints()
            .WithUrlForEndpoint("http", url => url.DisplayText = "Sign-in server (dev stand-in for Keycloak)");
    }
}
