using System.Security.Cryptography;

namespace ShopAuthDemo.Benchmarks.Driver.Settings;

/// <summary>
/// The values the realm file leaves as placeholders, made up for this run only: the identity provider lives
/// as long as the run, on loopback, so no real secret is needed or exposed.
/// </summary>
public sealed record RunSecrets(
    string ShopWebClientSecret,
    string BackofficeWebClientSecret,
    string OrdersApiClientSecret,
    string PartnerAcmeClientSecret,
    string CatalogApiClientSecret,
    string PolicyApiClientSecret,
    string DevUserPassword)
{
    // Letters and digits, like the AppHost's generated secrets: they travel in form posts.
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static RunSecrets Generate() => new(New(), New(), New(), New(), New(), New(), New());

    private static string New() => RandomNumberGenerator.GetString(Alphabet, 32);

    // A record prints all its members; this one must never print a secret into the console or a log.
    public override string ToString() => nameof(RunSecrets);
}
