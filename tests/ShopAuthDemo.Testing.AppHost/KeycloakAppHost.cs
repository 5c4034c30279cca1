using Aspire.Hosting.Testing;
using ShopAuthDemo.AppHost.Identity;

namespace ShopAuthDemo.Testing.AppHost;

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

    // The web apps listen on the fixed ports the realm registers, which the local AppHost of the same test
    // run already holds: this AppHost runs without them, so its browser tests are not run.
    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var webApp in builder.Resources.Where(r => r.Name is "shop-web" or "backoffice-web").ToList())
            builder.Resources.Remove(webApp);
    }
}
