using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using ShopAuthDemo.AppHost.MutualTls;

namespace ShopAuthDemo.AppHost.Storage.KeyRings;

/// <summary>
/// One certificate per app that encrypts the app's data-protection keys before they go to Redis: a copy of Redis'
/// data (a backup, a replica, another app's process) then holds no key that signs cookies or protects sessions.
/// </summary>
/// <remarks>
/// Made once and kept with the development secrets, next to the mutual-TLS CA, so that keys written by an earlier
/// run stay readable in a persistent Redis. The app is given the file's path (DataProtection:Certificate), never the
/// key itself, which the dashboard would show. RSA: the XML encryption of data protection wraps a key with RSA.
/// A deployment takes the certificate from its secret store, or a KMS (ProtectKeysWithAzureKeyVault and the like).
/// </remarks>
public sealed class KeyRingCertificates(string directory)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365 * 20);

    public string Directory { get; } = directory;

    /// <summary><c>key-rings</c> beside the mutual-TLS folder (under the AppHost's user-secrets folder by default).</summary>
    public static KeyRingCertificates FromConfiguration(IConfiguration configuration) =>
        new(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ServiceCertificates.DefaultDirectory(configuration)))!, "key-rings"));

    /// <summary>The path of <paramref name="app"/>'s PEM file (certificate and private key), made on first use.</summary>
    public string For(string app)
    {
        var path = Path.Combine(Directory, $"{app}.pem");
        if (File.Exists(path)) return path;

        System.IO.Directory.CreateDirectory(Directory);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        using var key = RSA.Create(3072);
        var request = new CertificateRequest($"CN={app} data-protection key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Lifetime));
        // Not replacing: two AppHosts starting at once keep whichever file was written first, so both use one key.
        SecretFile.WriteAtomically(path, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n", replace: false);
        return path;
    }
}
