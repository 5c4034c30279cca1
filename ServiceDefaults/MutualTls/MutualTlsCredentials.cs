using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ShopAuthDemo.ServiceDefaults.MutualTls;

/// <summary>This service's certificate and the one CA it trusts for its peers; or mutual TLS switched off.</summary>
public sealed class MutualTlsCredentials
{
    private MutualTlsCredentials(MutualTlsSettings settings)
    {
        if (!settings.Enabled) return;
        certificate = new ServiceCertificate(settings.CertificatePath);
        peers = PeerCertificateValidator.FromFile(settings.CertificateAuthorityPath);
    }

    private readonly ServiceCertificate? certificate;
    private readonly PeerCertificateValidator? peers;

    public bool Enabled => certificate is not null;

    public ServiceCertificate Certificate => certificate ?? throw Off();

    public PeerCertificateValidator Peers => peers ?? throw Off();

    public static MutualTlsCredentials From(IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = MutualTlsSettings.From(configuration);
        // Switching it off also switches off the peer rules (payments-api's "from orders-api"): only on a
        // developer's machine (the benchmark's baseline), never where the app is deployed.
        if (!settings.Enabled && !environment.IsDevelopment())
            throw new InvalidOperationException(
                $"MutualTls:Enabled=false is allowed in Development only (this is {environment.EnvironmentName}).");
        return new(settings);
    }

    /// <summary>Registers the credentials once, and reads them at start-up so a missing file fails the start.</summary>
    public static IServiceCollection AddOnce(IServiceCollection services)
    {
        services.TryAddSingleton(provider =>
            From(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StartupCheck>());
        return services;
    }

    private static InvalidOperationException Off() =>
        new("Mutual TLS is switched off (MutualTls:Enabled is false): there is no service certificate.");

    private sealed class StartupCheck(MutualTlsCredentials credentials, ILogger<MutualTlsCredentials> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (credentials.Enabled)
                MutualTlsLog.Ready(logger, credentials.Certificate.Name, credentials.Certificate.Current.NotAfter);
            else
                MutualTlsLog.SwitchedOff(logger);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
