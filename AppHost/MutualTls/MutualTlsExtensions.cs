using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ShopAuthDemo.AppHost.MutualTls;

public static class MutualTlsExtensions
{
    /// <summary>
    /// The internal CA (made once, kept with the user's development secrets) and this run's service certificates.
    /// Only when running: a published app gets its certificates from the platform (a mesh, cert-manager).
    /// </summary>
    public static ServiceCertificates? AddServiceCertificates(this IDistributedApplicationBuilder builder)
    {
        if (!builder.ExecutionContext.IsRunMode) return null;

        var certificates = ServiceCertificates.Create(ServiceCertificates.DefaultDirectory(builder.Configuration));
        builder.Services.AddSingleton(certificates);
        builder.Services.AddHostedService<ServiceCertificateRenewal>();
        builder.OnBeforeStart((@event, _) =>
        {
            @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceCertificates)).LogInformation(
                "Mutual TLS: internal CA {Authority}; this run's service certificates are in {Directory}, valid {Hours} h, renewed while running.",
                certificates.Authority.CertificatePath, certificates.RunDirectory, ServiceCertificates.Lifetime.TotalHours);
            return Task.CompletedTask;
        });
        return certificates;
    }

    /// <summary>
    /// An internal service: an https endpoint that requires a client certificate of the internal CA (the service
    /// enforces it: RequireClientCertificates), and its plain http endpoint kept for the AppHost's health probe
    /// only, which cannot present a certificate. The service also shows its certificate when it calls others.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithMutualTls(this IResourceBuilder<ProjectResource> service,
        ServiceCertificates? certificates) =>
        service.WithServiceCertificate(certificates)
            // Proxied like every endpoint: Aspire's proxy forwards the TCP stream, so TLS (and the client
            // certificate) runs end to end between the caller and the service.
            .WithHttpsEndpoint(name: "https")
            .WithUrlForEndpoint("http", url => url.DisplayText = "health checks only (plain http)")
            .WithHttpHealthCheck("/health", endpointName: "http");

    /// <summary>MutualTls:CertificateAuthority and MutualTls:Certificate: paths, so no key reaches the dashboard's environment view.</summary>
    public static IResourceBuilder<ProjectResource> WithServiceCertificate(this IResourceBuilder<ProjectResource> service,
        ServiceCertificates? certificates) =>
        certificates is null
            ? service
            : service
                .WithEnvironment("MutualTls__CertificateAuthority", certificates.AuthorityCertificatePath)
                .WithEnvironment("MutualTls__Certificate", certificates.IssueFor(service.Resource.Name));
}
