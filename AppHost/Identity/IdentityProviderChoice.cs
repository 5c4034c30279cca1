using Microsoft.Extensions.Configuration;

namespace ShopAuthDemo.AppHost.Identity;

public enum IdentityProviderKind
{
    Keycloak,
    Local,
}

/// <summary>Which identity provider this run uses, and why; only ever one of them.</summary>
/// <remarks>Configuration: <c>Identity:Provider</c> = <c>keycloak</c> | <c>local</c> | <c>auto</c> (default).</remarks>
public sealed record IdentityProviderChoice(IdentityProviderKind Kind, string Reason)
{
    public const string ConfigurationKey = "Identity:Provider";

    /// <param name="publishing">
    /// Publishing a deployment (a manifest): always Keycloak. The stand-in runs only in Development, and which container
    /// runtime the publishing machine has says nothing about where the app will run.
    /// </param>
    public static IdentityProviderChoice FromConfiguration(IConfiguration configuration, bool publishing = false)
    {
        var value = configuration[ConfigurationKey];
        if (publishing)
            return value?.Trim().ToLowerInvariant() is null or "" or "auto" or "keycloak"
                ? new(IdentityProviderKind.Keycloak, "the app is being published, and a deployment runs Keycloak (the local stand-in is for development only)")
                : throw new InvalidOperationException(
                    $"{ConfigurationKey} is '{value}', but the local stand-in runs only in Development and cannot be published. Publish with keycloak (or auto).");

        return value?.Trim().ToLowerInvariant() switch
        {
            "keycloak" => new(IdentityProviderKind.Keycloak, $"{ConfigurationKey} is 'keycloak'"),
            "local" => new(IdentityProviderKind.Local, $"{ConfigurationKey} is 'local'"),
            null or "" or "auto" => Automatic(configuration["ASPIRE_CONTAINER_RUNTIME"]),
            _ => throw new InvalidOperationException(
                $"Configuration value '{value}' for {ConfigurationKey} is not valid. Allowed values: keycloak, local, auto."),
        };
    }

    private static IdentityProviderChoice Automatic(string? runtime)
    {
        var answer = ContainerRuntimeProbe.Ask(runtime);

        return answer.Answers
            ? new(IdentityProviderKind.Keycloak, $"{ConfigurationKey} is 'auto' and {answer.Detail}")
            : new(IdentityProviderKind.Local,
                $"{ConfigurationKey} is 'auto' and no container runtime answers ({answer.Detail}); " +
                "using the local development stand-in. Start Docker or Podman to run Keycloak instead");
    }
}
