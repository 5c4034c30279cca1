using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ShopAuthDemo.Tests.MutualTls.Support;

/// <summary>
/// TestServer has no TLS, so no request arrives with a client certificate. This test-only startup filter plays
/// the handshake's part: it puts the certificate the test chose (sent in a header) on the connection, where the
/// service reads it. Never in a service: a header is whatever the caller writes; a handshake proves the key.
/// </summary>
public static class ClientCertificateOverTestServer
{
    private const string Header = "X-Test-Connection-Client-Certificate";

    /// <summary>
    /// For ConfigureTestServices. First in the collection, so its middleware runs first: before the service's own
    /// guard, which, like the service's rules, must find the certificate on the connection.
    /// </summary>
    public static void PlayTheHandshake(IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, Handshake>());

    /// <summary>The client's requests come over a connection presenting <paramref name="certificate"/>.</summary>
    public static HttpClient Presenting(this HttpClient client, X509Certificate2 certificate)
    {
        client.DefaultRequestHeaders.Add(Header, Convert.ToBase64String(certificate.RawData));
        return client;
    }

    private sealed class Handshake : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.Remove(Header, out var presented))
                    context.Connection.ClientCertificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(presented!));
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
