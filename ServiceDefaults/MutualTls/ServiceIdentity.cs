using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;

namespace ShopAuthDemo.ServiceDefaults.MutualTls;

/// <summary>
/// Which service a certificate names: its one DNS name in the subject alternative name, the resource name the
/// AppHost gave it ("orders-api"). Meshes do the same with a URI (a SPIFFE ID); the idea is identical.
/// </summary>
public static class ServiceIdentity
{
    public static string? NameOf(X509Certificate2 certificate)
    {
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>()
            .SelectMany(extension => extension.EnumerateDnsNames())
            .ToList();
        // Exactly one name: a certificate naming two services would let one impersonate the other.
        return names.Count == 1 ? names[0] : null;
    }

    /// <summary>The service at the other end of this request's connection, or null over plain http.</summary>
    public static string? PeerService(this HttpContext context) =>
        context.Connection.ClientCertificate is { } certificate ? NameOf(certificate) : null;
}
