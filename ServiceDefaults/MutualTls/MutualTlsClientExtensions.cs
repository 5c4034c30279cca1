using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.ServiceDefaults.MutualTls;

namespace Microsoft.Extensions.DependencyInjection;

public static class MutualTlsClientExtensions
{
    /// <summary>
    /// An HttpClient for one internal service: its https address by service discovery (plain http only with mutual
    /// TLS switched off: never a quiet fall-back), this service's certificate shown to it, and its certificate checked:
    /// issued by the internal CA to exactly <paramref name="service"/>, so a call meant for payments-api cannot
    /// be answered by anything else on the network, even another of our services.
    /// </summary>
    public static IHttpClientBuilder CallsInternalService(this IHttpClientBuilder http, string service)
    {
        MutualTlsCredentials.AddOnce(http.Services);
        return http
            .ConfigureHttpClient((services, client) => client.BaseAddress =
                new($"{(services.GetRequiredService<MutualTlsCredentials>().Enabled ? "https" : "http")}://{service}"))
            .ConfigurePrimaryHttpMessageHandler((handler, services) =>
            {
                if (handler is SocketsHttpHandler sockets)
                    sockets.PresentServiceCertificate(services.GetRequiredService<MutualTlsCredentials>(), service,
                        services.GetRequiredService<ILogger<MutualTlsCredentials>>());
            });
    }

    /// <summary>The same for a handler created elsewhere (the gateway's reverse proxy creates its own).</summary>
    public static void PresentServiceCertificate(this SocketsHttpHandler handler, MutualTlsCredentials credentials,
        string service, ILogger logger)
    {
        if (!credentials.Enabled) return;
        // A connection is checked once, at its handshake: reconnecting now and then keeps a connection from
        // outliving the certificates it was opened with (they live a day).
        handler.PooledConnectionLifetime = TimeSpan.FromMinutes(10);
        handler.SslOptions.CertificateChainPolicy = credentials.Peers.ChainPolicy(PeerCertificateValidator.ServerAuthentication);
        handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => credentials.Certificate.Current;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
        {
            // The host name the connection used is "localhost" (service discovery resolved it), so the usual name
            // check says nothing; the service name in the certificate is what proves whom we reached.
            if (certificate is not X509Certificate2 presented) return false;
            var (name, refusal) = credentials.Peers.Validate(presented, PeerCertificateValidator.ServerAuthentication);
            if (name == service) return true;
            MutualTlsLog.ServerRefused(logger, service, refusal ?? $"it names {name}");
            return false;
        };
    }
}
