using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ShopAuthDemo.ServiceDefaults.MutualTls;

namespace Microsoft.Extensions.Hosting;

public static class MutualTlsServerExtensions
{
    /// <summary>
    /// An internal service: its https endpoint accepts a connection only from a client presenting a certificate
    /// of the internal CA (checked in the TLS handshake, before any request is read), and shows its own. Its
    /// plain http endpoint, there for the AppHost's health probe, answers health checks and nothing else.
    /// </summary>
    public static TBuilder RequireClientCertificates<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        MutualTlsCredentials.AddOnce(builder.Services);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelMutualTls>();
        builder.Services.AddSingleton<IStartupFilter, CertifiedConnectionsOnly>();
        return builder;
    }

    private sealed class KestrelMutualTls(MutualTlsCredentials credentials, ILogger<MutualTlsCredentials> logger)
        : IConfigureOptions<KestrelServerOptions>
    {
        public void Configure(KestrelServerOptions kestrel)
        {
            if (!credentials.Enabled) return;
            kestrel.ConfigureHttpsDefaults(https =>
            {
                // Read per handshake, so a renewed certificate is shown without a restart.
                https.ServerCertificateSelector = (_, _) => credentials.Certificate.Current;
                https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
                https.CheckCertificateRevocation = false;
                https.OnAuthenticate = (_, tls) => tls.CertificateChainPolicy = credentials.Peers.ChainPolicy(PeerCertificateValidator.ClientAuthentication);
                // The platform's verdict (untrusted root: our CA is in no system store) is replaced, not
                // relaxed: the peer must chain to the internal CA and nothing else.
                https.ClientCertificateValidation = (certificate, _, _) =>
                {
                    var (service, refusal) = credentials.Peers.Validate(certificate, PeerCertificateValidator.ClientAuthentication);
                    if (service is null) MutualTlsLog.PeerRefused(logger, refusal!);
                    else MutualTlsLog.PeerAccepted(logger, service);
                    return service is not null;
                };
            });
        }
    }

    // First in the pipeline: a request is served only over a connection whose client certificate passed the
    // handshake. It asks the connection, not the request's scheme, which a forwarded-headers setting would let an
    // "X-Forwarded-Proto: https" header change. So the plain http port the probe needs answers health checks
    // and nothing else, and a connection outliving its certificate is refused.
    private sealed class CertifiedConnectionsOnly(MutualTlsCredentials credentials, TimeProvider clock) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            if (credentials.Enabled)
            {
                app.Use((context, nextMiddleware) => context.Connection.ClientCertificate switch
                {
                    null when !IsHealthCheck(context.Request.Path) => Results.Problem(
                        statusCode: StatusCodes.Status404NotFound, title: "Health checks only",
                        detail: "This plain http port answers health checks only. The API listens on https and accepts " +
                                "only services presenting a certificate of the internal CA.").ExecuteAsync(context),
                    { } certificate when certificate.NotAfter.ToUniversalTime() <= clock.GetUtcNow().UtcDateTime => Results.Problem(
                        statusCode: StatusCodes.Status403Forbidden, title: "Client certificate expired",
                        detail: "The certificate this connection was opened with has expired since. Connect again with a renewed one.")
                        .ExecuteAsync(context),
                    _ => nextMiddleware(context),
                });
            }
            next(app);
        };

        private static bool IsHealthCheck(PathString path) =>
            path.Equals(Extensions.HealthEndpointPath, StringComparison.OrdinalIgnoreCase)
            || path.Equals(Extensions.AlivenessEndpointPath, StringComparison.OrdinalIgnoreCase);
    }
}
