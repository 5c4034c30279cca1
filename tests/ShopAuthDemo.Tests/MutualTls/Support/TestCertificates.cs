using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ShopAuthDemo.Tests.MutualTls.Support;

/// <summary>
/// A certificate authority made for a test, and the certificates peers present: shaped as the AppHost's
/// development CA issues them (one DNS name, the service's, usable as client and server), and each way one can
/// be wrong. This project does not reference the AppHost, so it makes its own; a second instance is "another CA".
/// </summary>
public sealed class TestCertificates : IDisposable
{
    public static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    public static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private readonly DirectoryInfo files = Directory.CreateTempSubdirectory("shopauthdemo-mtls-");

    public TestCertificates(string name = "ShopAuthDemo test CA")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        Authority = request.CreateSelfSigned(now.AddDays(-7), now.AddDays(30));
    }

    /// <summary>The CA, with its key.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>What the AppHost issues: one DNS name, server and client use, valid now.</summary>
    public X509Certificate2 For(string service) => Issue([service], [ServerAuthentication, ClientAuthentication]);

    public X509Certificate2 Expired(string service) =>
        Issue([service], [ServerAuthentication, ClientAuthentication], DateTimeOffset.UtcNow.AddDays(-2), DateTimeOffset.UtcNow.AddDays(-1));

    /// <summary>Issued for TLS servers only (no clientAuth): no use as a client certificate.</summary>
    public X509Certificate2 ServerOnly(string service) => Issue([service], [ServerAuthentication]);

    public X509Certificate2 Naming(params string[] services) => Issue(services, [ServerAuthentication, ClientAuthentication]);

    public X509Certificate2 Issue(IReadOnlyList<string> dnsNames, Oid[] usages,
        DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsNames[0]}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([.. usages], false));
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames) names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build(critical: true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Authority, true, false));

        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(Authority, notBefore ?? now.AddMinutes(-5), notAfter ?? now.AddHours(1),
            RandomNumberGenerator.GetBytes(16));
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>The CA's certificate alone, as the AppHost's ca.pem (no key).</summary>
    public string WriteAuthorityPem() => Write("ca.pem", Authority.ExportCertificatePem());

    /// <summary>A service's file as the AppHost writes it: certificate, then its PKCS#8 key.</summary>
    public string WritePem(X509Certificate2 certificate, string fileName) =>
        Write(fileName, certificate.ExportCertificatePem() + "\n" + certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem() + "\n");

    /// <summary>What the AppHost gives <paramref name="service"/> (WithServiceCertificate), with mutual TLS back on.</summary>
    public Dictionary<string, string> HostSettingsFor(string service)
    {
        using var certificate = For(service);
        return new()
        {
            // InProcessHostsWithoutTls switches it off for every in-process host; here it is the subject.
            ["MutualTls:Enabled"] = "true",
            ["MutualTls:CertificateAuthority"] = WriteAuthorityPem(),
            ["MutualTls:Certificate"] = WritePem(certificate, $"{service}.pem"),
        };
    }

    public void Dispose()
    {
        Authority.Dispose();
        files.Delete(recursive: true);
    }

    private string Write(string fileName, string pem)
    {
        var path = Path.Combine(files.FullName, fileName);
        File.WriteAllText(path, pem);
        return path;
    }
}
