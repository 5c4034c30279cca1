using System.Security.Cryptography.X509Certificates;

namespace ShopAuthDemo.ServiceDefaults.MutualTls;

/// <summary>
/// This service's own certificate and key, from the PEM file the AppHost wrote. The AppHost renews it before
/// it expires (it lives a day); a changed file is read again at the next handshake, so no restart is needed.
/// </summary>
public sealed class ServiceCertificate(string path)
{
    private readonly Lock reload = new();
    // A reference, swapped whole: a handshake on another thread never sees half of a reload.
    private volatile Loaded? loaded;

    public X509Certificate2 Current
    {
        get
        {
            // One file-system look per handshake; connections are pooled, so that is rare.
            var writtenAt = File.GetLastWriteTimeUtc(path);
            if (loaded is { } current && current.WrittenAt == writtenAt) return current.Certificate;
            lock (reload)
            {
                if (loaded is not { } again || again.WrittenAt != writtenAt)
                    loaded = new Loaded(writtenAt, Load(path));
                return loaded.Certificate;
            }
        }
    }

    public string Name => ServiceIdentity.NameOf(Current)
        ?? throw new InvalidOperationException($"The certificate in {path} names no single service.");

    private static X509Certificate2 Load(string path)
    {
        using var pem = X509Certificate2.CreateFromPemFile(path);
        // Re-imported as PKCS#12: Windows' TLS stack cannot use the ephemeral key a PEM import gives.
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
    }

    private sealed record Loaded(DateTime WrittenAt, X509Certificate2 Certificate);
}
