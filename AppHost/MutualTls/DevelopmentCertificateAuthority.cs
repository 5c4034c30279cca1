using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ShopAuthDemo.AppHost.MutualTls;

/// <summary>
/// The internal certificate authority of this development machine: made on the first run, kept with the
/// user's development secrets (outside the repository), reused afterwards. It signs the services'
/// certificates and nothing else; only the services trust it, never the machine's certificate store.
/// </summary>
public sealed class DevelopmentCertificateAuthority
{
    private const string WithKeyFile = "ca-with-key.pem";
    private const string CertificateFile = "ca.pem";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365 * 2);

    private readonly X509Certificate2 authority;

    private DevelopmentCertificateAuthority(X509Certificate2 authority, string certificatePath)
    {
        this.authority = authority;
        CertificatePath = certificatePath;
    }

    /// <summary>The CA's certificate alone (no key): what the services are given to check each other.</summary>
    public string CertificatePath { get; }

    public X509Certificate2 Certificate => authority;

    public static DevelopmentCertificateAuthority LoadOrCreate(string directory)
    {
        Directory.CreateDirectory(directory);
        var withKey = Path.Combine(directory, WithKeyFile);
        if (!File.Exists(withKey) || IsExpiring(withKey))
            // Two AppHosts starting at once (a test run next to a dev run): the first to write wins.
            SecretFile.WriteAtomically(withKey, CreatePem(), replace: File.Exists(withKey));

        var authority = X509Certificate2.CreateFromPemFile(withKey);
        var certificatePath = Path.Combine(directory, CertificateFile);
        SecretFile.WriteAtomically(certificatePath, authority.ExportCertificatePem(), replace: true, secret: false);
        return new(authority, certificatePath);
    }

    /// <summary>A certificate for one service: its resource name as the one DNS name, for use as client and server.</summary>
    public X509Certificate2 Issue(string service, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={service}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(service);
        request.CertificateExtensions.Add(names.Build(critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));

        using var issued = request.Create(authority, notBefore, notAfter, RandomNumberGenerator.GetBytes(16));
        return issued.CopyWithPrivateKey(key);
    }

    private static bool IsExpiring(string withKey)
    {
        using var existing = X509Certificate2.CreateFromPemFile(withKey);
        return existing.NotAfter.ToUniversalTime() < DateTime.UtcNow.AddDays(30);
    }

    private static string CreatePem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ShopAuthDemo internal development CA", key, HashAlgorithmName.SHA256);
        // pathLength 0: it signs service certificates only, never another CA.
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var authority = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Lifetime));
        return authority.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n";
    }
}
