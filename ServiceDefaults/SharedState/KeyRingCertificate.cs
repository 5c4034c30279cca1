using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace ShopAuthDemo.ServiceDefaults.SharedState;

/// <summary>
/// Encrypts the app's data-protection keys with its own certificate before they are stored, and decrypts them with
/// it: a reader of the store (Redis' data, a backup) gets XML with no usable key in it.
/// </summary>
/// <remarks>
/// <c>DataProtection:Certificate</c>: the path of a PEM file holding the certificate and its RSA private key (the
/// AppHost gives one per app in scale-out; AppHost/Storage/KeyRings/). The certificate is also named for decryption:
/// on Linux and macOS no certificate store is searched for it, so without that the keys could not be read back.
/// </remarks>
public static class KeyRingCertificate
{
    public const string ConfigurationKey = "DataProtection:Certificate";

    public static IDataProtectionBuilder ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        if (configuration[ConfigurationKey] is not { Length: > 0 } path) return dataProtection;

        var certificate = X509Certificate2.CreateFromPemFile(path);
        return dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}
