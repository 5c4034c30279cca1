namespace ShopAuthDemo.AppHost.Keycloak;

/// <summary>The Keycloak container, shaped like Aspire.Hosting.Keycloak's resource of the same name.</summary>
public sealed class KeycloakResource(
    string name,
    ParameterResource? adminUsername,
    ParameterResource adminPassword) : ContainerResource(name)
{
    internal const string PrimaryEndpointName = "http";
    internal const string ManagementEndpointName = "management";

    public ParameterResource? AdminUserNameParameter { get; } = adminUsername;

    public ParameterResource AdminPasswordParameter { get; } = adminPassword;
}
