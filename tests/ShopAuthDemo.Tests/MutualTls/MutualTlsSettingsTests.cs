using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using ShopAuthDemo.ServiceDefaults.MutualTls;
using ShopAuthDemo.Tests.MutualTls.Support;
using Xunit;

namespace ShopAuthDemo.Tests.MutualTls;

// Mutual TLS is on unless switched off, and a service that should have a certificate but was given none
// fails at start-up: it never quietly falls back to plain http.
public sealed class MutualTlsSettingsTests : IDisposable
{
    private readonly TestCertificates certificates = new();

    [Fact]
    public void Mutual_tls_is_on_when_nothing_says_otherwise()
    {
        var settings = MutualTlsSettings.From(Configuration(new()
        {
            ["MutualTls:CertificateAuthority"] = "/certificates/ca.pem",
            ["MutualTls:Certificate"] = "/certificates/orders-api.pem",
        }));

        Assert.Equal(new MutualTlsSettings(true, "/certificates/ca.pem", "/certificates/orders-api.pem"), settings);
    }

    [Fact]
    public void Missing_certificate_path_fails_naming_the_setting()
    {
        var configuration = Configuration(new() { ["MutualTls:CertificateAuthority"] = "/certificates/ca.pem" });

        var failure = Assert.Throws<InvalidOperationException>(() => MutualTlsSettings.From(configuration));

        Assert.Equal("Configuration missing value for: MutualTls:Certificate", failure.Message);
    }

    [Fact]
    public void Credentials_read_the_service_certificate_and_the_CA_from_their_files()
    {
        using var payments = certificates.For("payments-api");
        var credentials = MutualTlsCredentials.From(Configuration(certificates.HostSettingsFor("orders-api")), Environment("Production"));

        Assert.True(credentials.Enabled);
        Assert.Equal("orders-api", credentials.Certificate.Name);
        Assert.Equal("payments-api", credentials.Peers.Validate(payments, PeerCertificateValidator.ServerAuthentication).Service);
    }

    [Fact]
    public void Switched_off_needs_no_files_and_has_no_certificate_to_show()
    {
        var credentials = MutualTlsCredentials.From(Configuration(new() { ["MutualTls:Enabled"] = "false" }), Environment("Development"));

        Assert.False(credentials.Enabled);
        var failure = Assert.Throws<InvalidOperationException>(() => credentials.Certificate);
        Assert.Contains("MutualTls:Enabled is false", failure.Message);
        Assert.Throws<InvalidOperationException>(() => credentials.Peers);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void Switching_it_off_is_refused_outside_development(string environment)
    {
        // Off also means no peer rule (payments-api's "from orders-api"): a deployment must not lose it quietly.
        var failure = Assert.Throws<InvalidOperationException>(() =>
            MutualTlsCredentials.From(Configuration(new() { ["MutualTls:Enabled"] = "false" }), Environment(environment)));

        Assert.Contains("Development only", failure.Message);
    }

    public void Dispose() => certificates.Dispose();

    private static IHostEnvironment Environment(string name) => new HostingEnvironment { EnvironmentName = name };

    private static IConfiguration Configuration(Dictionary<string, string> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(value => KeyValuePair.Create(value.Key, (string?)value.Value))).Build();
}
