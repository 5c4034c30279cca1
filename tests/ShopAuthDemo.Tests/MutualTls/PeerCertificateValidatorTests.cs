using ShopAuthDemo.ServiceDefaults.MutualTls;
using ShopAuthDemo.Tests.MutualTls.Support;
using Xunit;

namespace ShopAuthDemo.Tests.MutualTls;

// What a service accepts at the other end of a connection: only a certificate our CA issued to one service,
// valid now, for the use at hand. Each refusal names its reason, which the service logs.
public sealed class PeerCertificateValidatorTests : IDisposable
{
    private readonly TestCertificates certificates = new();
    private readonly PeerCertificateValidator validator;

    public PeerCertificateValidatorTests() => validator = PeerCertificateValidator.FromFile(certificates.WriteAuthorityPem());

    [Fact]
    public void Certificate_of_our_CA_is_accepted_as_the_service_it_names()
    {
        using var orders = certificates.For("orders-api");

        Assert.Equal(("orders-api", null), validator.Validate(orders, PeerCertificateValidator.ClientAuthentication));
        Assert.Equal(("orders-api", null), validator.Validate(orders, PeerCertificateValidator.ServerAuthentication));
    }

    [Fact]
    public void Certificate_from_another_CA_is_refused_though_it_names_one_of_our_services()
    {
        using var anotherAuthority = new TestCertificates("Another CA");
        using var impostor = anotherAuthority.For("orders-api");

        var (service, refusal) = validator.Validate(impostor, PeerCertificateValidator.ClientAuthentication);

        Assert.Null(service);
        // Its issuer is nowhere this service looks: the chain stops short of any trusted root.
        Assert.Contains("PartialChain", refusal);
    }

    [Fact]
    public void The_chain_policy_handed_to_the_TLS_stack_trusts_our_CA_alone_and_downloads_nothing()
    {
        // The handshake builds the peer's chain with this policy too: a stranger's certificate naming an issuer
        // URL (AIA) must not make the service fetch it (found by the review: a stalled handshake, an outgoing call).
        var policy = validator.ChainPolicy(PeerCertificateValidator.ClientAuthentication);

        Assert.True(policy.DisableCertificateDownloads);
        Assert.Equal(System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust, policy.TrustMode);
        Assert.Single(policy.CustomTrustStore);
        Assert.Equal(certificates.Authority.Thumbprint, policy.CustomTrustStore[0].Thumbprint);
    }

    [Fact]
    public void Expired_certificate_is_refused()
    {
        using var expired = certificates.Expired("orders-api");

        var (service, refusal) = validator.Validate(expired, PeerCertificateValidator.ClientAuthentication);

        Assert.Null(service);
        Assert.Contains("NotTimeValid", refusal);
    }

    [Fact]
    public void Certificate_issued_for_servers_only_is_refused_as_a_client_certificate()
    {
        using var serverOnly = certificates.ServerOnly("orders-api");

        var (service, refusal) = validator.Validate(serverOnly, PeerCertificateValidator.ClientAuthentication);

        Assert.Null(service);
        Assert.Contains("NotValidForUsage", refusal);
        // The same certificate is fine where a server is expected: the purpose alone decided.
        Assert.Equal("orders-api", validator.Validate(serverOnly, PeerCertificateValidator.ServerAuthentication).Service);
    }

    [Fact]
    public void Certificate_naming_two_services_is_refused()
    {
        using var twoNames = certificates.Naming("orders-api", "payments-api");

        var (service, refusal) = validator.Validate(twoNames, PeerCertificateValidator.ClientAuthentication);

        Assert.Null(service);
        Assert.Equal("it names no single service", refusal);
    }

    [Fact]
    public void The_CA_certificate_itself_is_refused_as_a_peer()
    {
        var (service, refusal) = validator.Validate(certificates.Authority, PeerCertificateValidator.ClientAuthentication);

        Assert.Null(service);
        Assert.NotNull(refusal);
    }

    public void Dispose() => certificates.Dispose();
}
