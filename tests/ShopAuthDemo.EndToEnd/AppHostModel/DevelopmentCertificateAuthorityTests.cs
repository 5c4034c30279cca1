using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ShopAuthDemo.AppHost.MutualTls;

namespace ShopAuthDemo.EndToEnd.AppHostModel;

/// <summary>
/// The AppHost's internal CA and the service certificates it issues, in a folder of their own: made once and
/// reused, keys readable by their owner only, each service's certificate naming that service and nothing else,
/// and nothing of a run left behind. Nothing is started.
/// </summary>
public sealed class DevelopmentCertificateAuthorityTests : IDisposable
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    private readonly string directory = Directory.CreateTempSubdirectory("shopauthdemo-ca-").FullName;

    [Fact]
    public void CA_is_made_on_the_first_run_and_reused_afterwards()
    {
        var first = DevelopmentCertificateAuthority.LoadOrCreate(directory);

        var second = DevelopmentCertificateAuthority.LoadOrCreate(directory);

        Assert.Equal(first.Certificate.Thumbprint, second.Certificate.Thumbprint);
        Assert.True(second.Certificate.HasPrivateKey);
    }

    [Fact]
    public void CA_key_is_readable_by_its_owner_only()
    {
        DevelopmentCertificateAuthority.LoadOrCreate(directory);

        AssertOwnerOnly(Path.Combine(directory, "ca-with-key.pem"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void Certificate_given_to_the_services_holds_no_private_key()
    {
        var authority = DevelopmentCertificateAuthority.LoadOrCreate(directory);

        var pem = File.ReadAllText(authority.CertificatePath);

        Assert.DoesNotContain("PRIVATE KEY", pem);
        using var certificate = X509Certificate2.CreateFromPem(pem);
        Assert.Equal(authority.Certificate.Thumbprint, certificate.Thumbprint);
        Assert.False(certificate.HasPrivateKey);
    }

    [Fact]
    public void CA_expiring_within_30_days_is_replaced()
    {
        using var expiring = SelfSignedAuthority(notAfter: DateTimeOffset.UtcNow.AddDays(10), out var key);
        File.WriteAllText(Path.Combine(directory, "ca-with-key.pem"), expiring.ExportCertificatePem() + "\n" + key + "\n");

        var authority = DevelopmentCertificateAuthority.LoadOrCreate(directory);

        Assert.NotEqual(expiring.Thumbprint, authority.Certificate.Thumbprint);
        Assert.True(authority.Certificate.NotAfter.ToUniversalTime() > DateTime.UtcNow.AddDays(30));
    }

    [Fact]
    public void Service_certificate_names_that_service_only_serves_as_client_and_server_and_chains_to_the_CA()
    {
        var authority = DevelopmentCertificateAuthority.LoadOrCreate(directory);
        var now = DateTimeOffset.UtcNow;

        using var certificate = authority.Issue("orders-api", now.AddMinutes(-5), now.AddDays(1));

        Assert.Equal(["orders-api"], DnsNames(certificate));
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages
            .Cast<Oid>().Select(usage => usage.Value).Order();
        Assert.Equal([ServerAuthentication.Value, ClientAuthentication.Value], usages);
        Assert.False(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.True(ChainsTo(authority.Certificate, certificate));
    }

    [Fact]
    public void Run_folder_holds_each_services_certificate_and_key_readable_by_its_owner_only()
    {
        var certificates = ServiceCertificates.Create(directory);

        var path = certificates.IssueFor("payments-api");

        Assert.Equal(Path.Combine(certificates.RunDirectory, "payments-api.pem"), path);
        using var certificate = X509Certificate2.CreateFromPemFile(path);
        Assert.True(certificate.HasPrivateKey);
        Assert.Equal(["payments-api"], DnsNames(certificate));
        Assert.True(ChainsTo(certificates.Authority.Certificate, certificate));
        AssertOwnerOnly(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        AssertOwnerOnly(certificates.RunDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public void Run_folder_is_deleted_at_the_end_of_the_run()
    {
        var certificates = ServiceCertificates.Create(directory);
        var path = certificates.IssueFor("payments-api");

        certificates.RemoveRun();

        Assert.False(File.Exists(path));
        Assert.False(Directory.Exists(certificates.RunDirectory));
    }

    [Fact]
    public void Runs_older_than_two_days_are_removed_at_the_next_start_and_recent_ones_kept()
    {
        // An AppHost that was killed: its run folder stayed behind.
        var threeDaysAgo = DateTime.UtcNow.AddDays(-3);
        var abandoned = Directory.CreateDirectory(Path.Combine(directory, "runs", $"{threeDaysAgo:yyyyMMddTHHmmss}-1")).FullName;
        File.WriteAllText(Path.Combine(abandoned, "orders-api.pem"), "left behind");
        // Linux keeps no settable creation time: .NET reports the older of the change and write times.
        Directory.SetCreationTimeUtc(abandoned, threeDaysAgo);
        Directory.SetLastWriteTimeUtc(abandoned, threeDaysAgo);
        // Another AppHost started an hour ago and still running.
        var running = Directory.CreateDirectory(Path.Combine(directory, "runs", $"{DateTime.UtcNow.AddHours(-1):yyyyMMddTHHmmss}-2")).FullName;

        var certificates = ServiceCertificates.Create(directory);

        Assert.False(Directory.Exists(abandoned));
        Assert.True(Directory.Exists(running));
        Assert.True(Directory.Exists(certificates.RunDirectory));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static IEnumerable<string> DnsNames(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(names => names.EnumerateDnsNames());

    private static bool ChainsTo(X509Certificate2 authority, X509Certificate2 certificate)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    private static void AssertOwnerOnly(string path, UnixFileMode expected)
    {
        // Windows has no such mode bits: the user profile's ACLs protect the folder there.
        if (OperatingSystem.IsWindows()) return;
        Assert.Equal(expected, File.GetUnixFileMode(path));
    }

    private static X509Certificate2 SelfSignedAuthority(DateTimeOffset notAfter, out string keyPem)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ShopAuthDemo internal development CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        keyPem = key.ExportPkcs8PrivateKeyPem();
        return request.CreateSelfSigned(notAfter.AddDays(-700), notAfter);
    }
}
