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

    public static IdentityProviderChoice FromConfiguration(IConfiguration configuration)
    {
        var value = configuration[ConfigurationKey];

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
