using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.AppHost.MutualTls;
using ShopAuthDemo.Resilience.Infrastructure;

namespace ShopAuthDemo.Resilience;

/// <summary>
/// Last: everything every service wrote during the suite (sign-ins, token requests and exchanges, an
/// identity provider outage, a key rotation, the load burst) holds no token, client secret or password, and
/// no certificate or private key (PEM, or base64 DER) of the services' mutual TLS.
/// </summary>
[SuiteStep(99)]
public sealed partial class LogHygieneTests(ResilienceAppHost appHost, ITestOutputHelper output)
{
    private static readonly string[] SecretParameters =
    [
        "shop-web-client-secret", "backoffice-web-client-secret", "orders-api-client-secret",
        "partner-acme-client-secret", "catalog-api-client-secret", "policy-api-client-secret",
        "dev-user-password", "keycloak-admin-password",
    ];

    [Fact]
    public async Task No_log_line_of_any_service_holds_a_token_a_client_secret_or_a_password()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var secrets = new List<(string Name, string Form)>();
        foreach (var name in SecretParameters)
        {
            var value = await appHost.GetParameterValueAsync(name, cancellation);
            // As written, and as a URL or a JSON string would carry it.
            foreach (var form in new[] { value, WebUtility.UrlEncode(value), JsonSerializer.Serialize(value).Trim('"') }.Distinct())
                secrets.Add((name, form));
        }

        // Each service's certificate and key as the AppHost wrote them: their base64 lines, as a log would quote them.
        foreach (var file in Directory.EnumerateFiles(appHost.App.Services.GetRequiredService<ServiceCertificates>().RunDirectory, "*.pem"))
            foreach (var line in File.ReadAllLines(file).Where(line => line.Length >= 40 && !line.StartsWith("-----", StringComparison.Ordinal)))
                secrets.Add(($"certificate or key in {Path.GetFileName(file)}", line));

        var leaks = new List<string>();
        var scanned = 0;
        foreach (var log in appHost.Logs)
        {
            var lines = log.Lines;
            scanned += lines.Count;
            foreach (var line in lines)
            {
                leaks.AddRange(secrets.Where(secret => line.Contains(secret.Form, StringComparison.Ordinal))
                    .Select(secret => $"{log.ResourceName}: the {secret.Name}"));
                if (JwtOrJwe().IsMatch(line)) leaks.Add($"{log.ResourceName}: a token: {Shorten(line)}");
                if (BearerHeader().IsMatch(line)) leaks.Add($"{log.ResourceName}: an Authorization header: {Shorten(line)}");
                if (PemOrDer().IsMatch(line)) leaks.Add($"{log.ResourceName}: a certificate or key: {Shorten(line)}");
            }
        }

        output.WriteLine($"Scanned {scanned} log lines from {appHost.Logs.Count} resources for {secrets.Count} secret forms, JWT/JWE tokens and bearer headers.");
        // The scan means something only if the services logged their work (request logging is on in this suite).
        Assert.True(scanned > 1_000, $"Only {scanned} log lines: the suite did not produce the logs it searches.");
        Assert.True(leaks.Count == 0, "Leaked into logs:\n" + string.Join("\n", leaks.Distinct().Take(20)));
    }

    // A line quoted in a failure shows where the leak is without repeating the secret part in full.
    private static string Shorten(string line) => line.Length <= 80 ? line[..Math.Min(line.Length, 40)] + "…" : line[..80] + "…";

    // Header "eyJ" ({"...) then a second Base64url segment: a JWS (3 parts) or a JWE (5 parts).
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")]
    private static partial Regex JwtOrJwe();

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9_\-\.]{20,}", RegexOptions.IgnoreCase)]
    private static partial Regex BearerHeader();

    // A PEM block's header, or base64 DER (certificates and PKCS#8 keys start with a SEQUENCE: "MI...").
    [GeneratedRegex(@"-----BEGIN [A-Z ]+-----|\bMI[A-Za-z0-9+/]{60,}")]
    private static partial Regex PemOrDer();
}
