using ShopAuthDemo.AppHost.Identity;

namespace ShopAuthDemo.EndToEnd.Infrastructure;

/// <summary>The AppHost with Keycloak; started only where a container runtime answers.</summary>
public sealed class KeycloakAppHost() : AppHostFixture("keycloak", "keycloak")
{
    public override async ValueTask InitializeAsync()
    {
        // The same question the AppHost asks in "auto" mode, so the tests and the app agree.
        var answer = ContainerRuntimeProbe.Ask(Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME"));
        if (!answer.Answers)
        {
            SkipReason = $"Keycloak needs a container runtime and none answers here ({answer.Detail})";
            return;
        }

        await base.InitializeAsync();
    }
}

[CollectionDefinition(nameof(KeycloakAppHost))]
public sealed class KeycloakAppHostCollection : ICollectionFixture<KeycloakAppHost>;
