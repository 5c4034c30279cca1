using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace ShopAuthDemo.AppHost.MutualTls;

/// <summary>
/// The certificates of this run: one per service, a day long, in a folder of this run next to the CA, renewed
/// while the AppHost runs (<see cref="ServiceCertificateRenewal"/>). A real deployment gets them from a
/// service mesh or cert-manager instead, rotated hourly, with the same checks in the services.
/// </summary>
public sealed class ServiceCertificates
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(2);

    private readonly Dictionary<string, string> issued = [];

    private ServiceCertificates(DevelopmentCertificateAuthority authority, string runDirectory)
    {
        Authority = authority;
        RunDirectory = runDirectory;
        // This run's own copy: another AppHost replacing the machine's CA cannot change what this run's services trust.
        AuthorityCertificatePath = Path.Combine(runDirectory, "ca.pem");
        SecretFile.WriteAtomically(AuthorityCertificatePath, authority.Certificate.ExportCertificatePem(), replace: true, secret: false);
    }

    public DevelopmentCertificateAuthority Authority { get; }

    public string RunDirectory { get; }

    /// <summary>The CA's certificate (no key), as this run's services are given it.</summary>
    public string AuthorityCertificatePath { get; }

    /// <summary>When the certificates were last issued: renewed once a third of their life has passed.</summary>
    public DateTimeOffset IssuedAt { get; private set; } = DateTimeOffset.UtcNow;

    /// <summary>The CA of this machine, under the AppHost's user-secrets folder unless MutualTls:Directory says otherwise.</summary>
    public static string DefaultDirectory(IConfiguration configuration) =>
        configuration["MutualTls:Directory"] is { Length: > 0 } directory
            ? directory
            : Path.Combine(Path.GetDirectoryName(PathHelper.GetSecretsPathFromSecretsId(
                typeof(ServiceCertificates).Assembly.GetCustomAttribute<UserSecretsIdAttribute>()!.UserSecretsId))!, "mutual-tls");

    public static ServiceCertificates Create(string directory)
    {
        var authority = DevelopmentCertificateAuthority.LoadOrCreate(directory);
        var runs = Path.Combine(directory, "runs");
        RemoveOldRuns(runs);
        var run = Path.Combine(runs, $"{DateTime.UtcNow:yyyyMMddTHHmmss}-{Environment.ProcessId}");
        Directory.CreateDirectory(run);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(run, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new(authority, run);
    }

    /// <summary>Issues (or renews) the certificate of <paramref name="service"/>; returns the path of its PEM file (certificate and key).</summary>
    public string IssueFor(string service)
    {
        var now = DateTimeOffset.UtcNow;
        // Five minutes back: a peer whose clock is slightly behind still accepts a certificate issued just now.
        using var certificate = Authority.Issue(service, now.AddMinutes(-5), now.Add(Lifetime));
        var path = Path.Combine(RunDirectory, $"{service}.pem");
        SecretFile.WriteAtomically(path,
            certificate.ExportCertificatePem() + "\n" + certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem() + "\n",
            replace: true);
        lock (issued) issued[service] = path;
        return path;
    }

    /// <summary>Renews every certificate once a third of its life has passed (by the wall clock, which a laptop's sleep does not stop).</summary>
    public void RenewWhenDue(DateTimeOffset now)
    {
        if (now - IssuedAt < Lifetime / 3) return;
        string[] services;
        lock (issued) services = [.. issued.Keys];
        foreach (var service in services) IssueFor(service);
        IssuedAt = now;
    }

    public void RemoveRun()
    {
        try
        {
            Directory.Delete(RunDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Removed with the other old runs next time.
        }
    }

    private static void RemoveOldRuns(string runs)
    {
        if (!Directory.Exists(runs)) return;
        // By the last write, which every renewal moves: a run still going (renewing) is never removed.
        foreach (var run in new DirectoryInfo(runs).EnumerateDirectories().Where(run => run.LastWriteTimeUtc < DateTime.UtcNow - KeptFor))
        {
            try
            {
                run.Delete(recursive: true);
            }
            catch (IOException)
            {
                // In use or already gone: the next start tries again.
            }
        }
    }
}
