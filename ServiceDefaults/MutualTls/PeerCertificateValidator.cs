using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ShopAuthDemo.ServiceDefaults.MutualTls;

/// <summary>
/// Decides whether the certificate at the other end of a connection belongs to one of our services: it chains
/// to the internal CA (and to nothing else: the machine's trusted roots are not asked), it is valid now, it
/// was issued for the use at hand (client or server), and it names one service.
/// </summary>
public sealed class PeerCertificateValidator(X509Certificate2 certificateAuthority)
{
    public static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");
    public static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    public static PeerCertificateValidator FromFile(string certificateAuthorityPath) =>
        new(X509Certificate2.CreateFromPem(File.ReadAllText(certificateAuthorityPath)));

    /// <summary>
    /// How a peer's chain is built, here and by the TLS stack itself (handed to it for every handshake).
    /// </summary>
    public X509ChainPolicy ChainPolicy(Oid purpose)
    {
        var policy = new X509ChainPolicy
        {
            // Only our CA: a certificate from any public CA, however valid, is not one of our services.
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            // Short-lived certificates instead of revocation lists: the CA publishes none.
            RevocationMode = X509RevocationMode.NoCheck,
            // Never fetch a missing issuer from the URL a presented certificate names (its AIA extension): a
            // stranger's certificate would make the service call an address of the stranger's choosing and
            // hold the handshake while it waits.
            DisableCertificateDownloads = true,
        };
        policy.CustomTrustStore.Add(certificateAuthority);
        policy.ApplicationPolicy.Add(purpose);
        return policy;
    }

    /// <summary>The service the certificate names, or the reason it is refused.</summary>
    public (string? Service, string? Refusal) Validate(X509Certificate2 certificate, Oid purpose)
    {
        using var chain = new X509Chain { ChainPolicy = ChainPolicy(purpose) };

        if (!chain.Build(certificate))
            return (null, string.Join(", ", chain.ChainStatus.Select(status => status.Status).Distinct()));

        return ServiceIdentity.NameOf(certificate) is { } service
            ? (service, null)
            : (null, "it names no single service");
    }
}
