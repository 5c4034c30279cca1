using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using ShopAuthDemo.Testing;

namespace ShopAuthDemo.EndToEnd.AppHostModel;

/// <summary>
/// The AppHost gives the chosen identity provider a value for every ${PLACEHOLDER} in the realm file.
/// Read from the application model without starting anything, so the Keycloak wiring is checked here
/// too, on machines that cannot run Keycloak.
/// </summary>
public sealed partial class RealmPlaceholderTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("keycloak", "keycloak", "shop")]
    [InlineData("keycloak", "keycloak", "northwind")]
    [InlineData("local", "identity-local", "shop")]
    [InlineData("local", "northwind-identity", "northwind")]
    public async Task Every_realm_placeholder_is_supplied_to_the_identity_provider(string provider, string resourceName, string realm)
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"Identity:Provider={provider}"], Cancellation);
        var identityProvider = builder.Resources.OfType<IResourceWithEnvironment>().Single(r => r.Name == resourceName);

        var environment = (await ConfigurationOf(identityProvider)).EnvironmentVariables.ToDictionary();

        Assert.NotEmpty(RealmPlaceholders(realm));
        Assert.All(RealmPlaceholders(realm), name => Assert.True(environment.ContainsKey(name), $"{resourceName} gets no {name}"));
    }

    [Fact]
    public async Task Keycloak_is_pinned_imports_the_realm_and_checks_readiness_on_the_management_port()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["Identity:Provider=keycloak"], Cancellation);
        var keycloak = builder.Resources.OfType<ContainerResource>().Single(r => r.Name == "keycloak");

        Assert.True(keycloak.TryGetContainerImageName(out var image));
        Assert.Matches(@"^quay\.io/keycloak/keycloak:26\.\d+\.\d+$", image);
        var configuration = await ConfigurationOf(keycloak);
        Assert.Equal(["start-dev", "--import-realm"], configuration.Arguments.Select(a => a.Value));
        Assert.Contains(keycloak.Annotations.OfType<ContainerMountAnnotation>(), m => m.Target == "/opt/keycloak/data/import" && m.IsReadOnly);
        Assert.Contains(keycloak.Annotations.OfType<EndpointAnnotation>(), e => e.Name == "management" && e.TargetPort == 9000);
        Assert.Contains(keycloak.Annotations.OfType<HealthCheckAnnotation>(), h => h.Key.Contains("management", StringComparison.Ordinal) || h.Key.Contains("keycloak", StringComparison.Ordinal));
        // One issuer per realm whichever way a request came in: realm northwind's tokens are redeemed from inside the
        // container, and the broker checks their issuer against the browser's URL (Federation/).
        Assert.Contains(keycloak.Annotations.OfType<EndpointAnnotation>(), e => e.Name == "http" && e.Port == 8180);
        var environment = configuration.EnvironmentVariables.ToDictionary();
        Assert.Equal("http://localhost:8180", environment["KC_HOSTNAME"]);
        Assert.Equal("true", environment["KC_HOSTNAME_BACKCHANNEL_DYNAMIC"]);
        Assert.Equal("http://localhost:8180/realms/northwind", environment["NORTHWIND_URL"]);
        Assert.Equal("http://localhost:8080/realms/northwind", environment["NORTHWIND_INTERNAL_URL"]);
    }

    [Fact]
    public async Task Secrets_reach_the_identity_provider_as_parameters_never_as_literals()
    {
        await using var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["Identity:Provider=local"], Cancellation);
        var identityProvider = builder.Resources.OfType<IResourceWithEnvironment>().Single(r => r.Name == "identity-local");

        var environment = (await ConfigurationOf(identityProvider)).EnvironmentVariables.ToDictionary();

        foreach (var secret in new[] { "SHOP_WEB_CLIENT_SECRET", "BACKOFFICE_WEB_CLIENT_SECRET", "ORDERS_API_CLIENT_SECRET",
                     "PARTNER_ACME_CLIENT_SECRET", "NORTHWIND_BROKER_CLIENT_SECRET", "DEV_USER_PASSWORD", "Admin__Password" })
        {
            Assert.Matches(@"^\{[a-z-]+\.value\}$", environment[secret]);
            var parameter = builder.Resources.OfType<ParameterResource>().Single(p => environment[secret] == $"{{{p.Name}.value}}");
            Assert.True(parameter.Secret, $"{parameter.Name} is not a secret parameter");
        }
    }

    // Publish mode: values stay expressions ({parameter.value}), so nothing has to run to read them.
    private static Task<IExecutionConfigurationResult> ConfigurationOf(IResource resource) =>
        ExecutionConfigurationBuilder.Create(resource)
            .WithEnvironmentVariablesConfig()
            .WithArgumentsConfig()
            .BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish),
                NullLogger.Instance, Cancellation);

    private static IReadOnlyList<string> RealmPlaceholders(string name)
    {
        var realm = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "AppHost", "Realms", $"{name}-realm.json"));
        // Mapper templates (${client_id}, ${ALIAS}, ${CLAIM.x}) are resolved per token or sign-in, not on import.
        return [.. Placeholder().Matches(realm).Select(m => m.Groups["name"].Value)
            .Where(n => n is not ("client_id" or "ALIAS") && !n.StartsWith("CLAIM.", StringComparison.Ordinal)).Distinct()];
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_.]*)\}")]
    private static partial Regex Placeholder();
}
