using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.AppHost.MutualTls;
using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd.MutualTls;

/// <summary>
/// Who gets a certificate, and how: every service that is called or calls another, never the partner (it is
/// outside) or the identity provider; as paths to files outside the repository, so the dashboard's
/// environment view never shows a key or a certificate.
/// </summary>
public sealed class ServiceCertificateWiringTests(LocalIdentityAppHost appHost)
{
    private static readonly string[] WithCertificate =
        ["catalog-api", "orders-api", "payments-api", "policy-api", "gateway", "shop-web", "backoffice-web"];

    [Fact]
    public void Each_service_gets_paths_to_its_certificate_and_the_CA_never_their_content()
    {
        var runDirectory = appHost.App.Services.GetRequiredService<ServiceCertificates>().RunDirectory;
        var repository = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

        foreach (var project in appHost.RunningResources.OfType<ProjectResource>())
        {
            var environment = EnvironmentOf(project.Name);
            Assert.All(environment, variable =>
            {
                Assert.DoesNotContain("-----BEGIN", variable.Value ?? "", StringComparison.Ordinal);
                Assert.DoesNotContain("PRIVATE KEY", variable.Value ?? "", StringComparison.Ordinal);
            });

            if (!WithCertificate.Contains(project.Name))
            {
                Assert.DoesNotContain(environment, variable => variable.Key.StartsWith("MutualTls__", StringComparison.Ordinal));
                continue;
            }

            var certificate = environment["MutualTls__Certificate"]!;
            Assert.Equal(Path.Combine(runDirectory, $"{project.Name}.pem"), certificate);
            Assert.False(certificate.StartsWith(repository, StringComparison.Ordinal), $"{project.Name}'s certificate is inside the repository");
            // The CA's certificate alone: a service can check its peers, but never issue a certificate.
            Assert.DoesNotContain("PRIVATE KEY", File.ReadAllText(environment["MutualTls__CertificateAuthority"]!), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_partner_reaches_only_the_gateways_public_endpoint()
    {
        var partner = EnvironmentOf("partner-shipping");

        Assert.DoesNotContain(partner, variable => variable.Key.StartsWith("services__", StringComparison.Ordinal)
                                                   && !variable.Key.StartsWith("services__gateway__", StringComparison.Ordinal));
        Assert.DoesNotContain(partner, variable => variable.Key.StartsWith("services__gateway__https", StringComparison.Ordinal));
    }

    [Fact]
    public void The_internal_services_are_reached_over_https_by_service_discovery()
    {
        var orders = EnvironmentOf("orders-api");

        foreach (var service in new[] { "catalog-api", "payments-api", "policy-api" })
            Assert.StartsWith("https://", orders[$"services__{service}__https__0"]);
    }

    private Dictionary<string, string?> EnvironmentOf(string resource)
    {
        Assert.True(appHost.App.ResourceNotifications.TryGetCurrentState(resource, out var state), $"{resource} has no state");
        return state.Snapshot.EnvironmentVariables.Where(variable => variable.IsFromSpec)
            .ToDictionary(variable => variable.Name, variable => variable.Value);
    }
}
