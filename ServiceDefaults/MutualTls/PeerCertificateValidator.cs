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

    /// <summary>The service the certificate names, or the reason it is refused.</summary>
    public (string? Service, string? Refusal) Validate(X509Certificate2 certificate, Oid purpose)
    {
        using var chain = new X509Chain();
        // Only our CA: a certificate from any public CA, however valid, is not one of our services.
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(certificateAuthority);
        // Short-lived certificates instead of revocation lists: the CA publishes none.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(purpose);

        if (!chain.Build(certificate))
            return (null, string.Join(", ", chain.ChainStatus.Select(status => status.Status).Distinct()));

        return ServiceIdentity.NameOf(certificate) is { } service
            ? (service, null)
            : (null, "it names no single service");
    }
}
