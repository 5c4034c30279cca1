using Microsoft.Extensions.Configuration;

namespace ShopAuthDemo.ServiceDefaults.MutualTls;

// "MutualTls": { "CertificateAuthority": "<internal CA, PEM>", "Certificate": "<this service's certificate and key, PEM>" }
// The AppHost writes both files and passes their paths (never their content: the dashboard shows environment
// variables). "Enabled": false turns mutual TLS off; only the benchmark's baseline does that.
public sealed record MutualTlsSettings(bool Enabled, string CertificateAuthorityPath, string CertificatePath)
{
    public const string SectionName = "MutualTls";

    public static MutualTlsSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        // On unless switched off: a service deployed without its certificate fails at start-up, it never
        // quietly falls back to plain http.
        if (!section.GetValue("Enabled", defaultValue: true))
            return new(Enabled: false, "", "");

        return new(true, section.GetRequiredValue("CertificateAuthority"), section.GetRequiredValue("Certificate"));
    }
}
