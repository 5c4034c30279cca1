using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.AppHost.MutualTls;

namespace ShopAuthDemo.Testing.AppHost;

/// <summary>
/// HttpClients that reach an internal service directly, the way another service does: over its https
/// endpoint, showing a client certificate (or, in the mutual TLS tests, a wrong one or none), and trusting
/// the service's certificate only if the internal CA issued it to that very service.
/// </summary>
public sealed class ServiceCallers(DistributedApplication app)
{
    private ServiceCertificates Certificates => app.Services.GetRequiredService<ServiceCertificates>();

    /// <summary>A certificate of the internal CA naming <paramref name="service"/>, as the AppHost issues them.</summary>
    public X509Certificate2 CertificateOf(string service) =>
        Certificates.Authority.Issue(service, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));

    /// <summary>One the internal CA issued, whose validity ended a minute ago (it starts with the CA's, which may be new).</summary>
    public X509Certificate2 ExpiredCertificateOf(string service) =>
        Certificates.Authority.Issue(service, Certificates.Authority.Certificate.NotBefore.ToUniversalTime(), DateTimeOffset.UtcNow.AddMinutes(-1));

    /// <summary>Well formed and naming <paramref name="service"/>, but from a CA of its own that nobody trusts.</summary>
    public static X509Certificate2 CertificateFromAnotherAuthority(string service)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Another CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var otherAuthority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var file = Path.Combine(Path.GetTempPath(), $"other-ca-{Guid.NewGuid():N}");
        Directory.CreateDirectory(file);
        try
        {
            File.WriteAllText(Path.Combine(file, "ca-with-key.pem"),
                otherAuthority.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
            var other = DevelopmentCertificateAuthority.LoadOrCreate(file);
            return other.Issue(service, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        }
        finally
        {
            Directory.Delete(file, recursive: true);
        }
    }

    /// <summary>
    /// A client of <paramref name="service"/>'s https endpoint, showing <paramref name="clientCertificate"/> (none when
    /// null). <paramref name="serverChecked"/> hears this client's verdict on the service's certificate, so a test can
    /// tell a refusal by the service from one by the client.
    /// </summary>
    public HttpClient Create(string service, X509Certificate2? clientCertificate, bool allowAutoRedirect = true,
        Action<bool>? serverChecked = null)
    {
        var authority = Certificates.Authority.Certificate;
        var handler = new SocketsHttpHandler { AllowAutoRedirect = allowAutoRedirect };
        if (clientCertificate is not null) handler.SslOptions.ClientCertificates = [clientCertificate];
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            var accepted = certificate is X509Certificate2 presented && IssuedTo(presented, authority, service);
            serverChecked?.Invoke(accepted);
            return accepted;
        };
        return new HttpClient(handler) { BaseAddress = app.GetEndpoint(service, "https") };
    }

    private static bool IssuedTo(X509Certificate2 certificate, X509Certificate2 authority, string service)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate)
               && certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(names => names.EnumerateDnsNames())
                   .SequenceEqual([service]);
    }
}
