using Microsoft.IdentityModel.Tokens;

namespace ShopAuthDemo.Tests.Support;

// The claims of one access token as Keycloak would issue it; tests change only what they are about.
public sealed record TestToken
{
    public string Subject { get; init; } = "8f14e45f-alice";
    public string PreferredUsername { get; init; } = "alice";
    public string AuthorizedParty { get; init; } = "shop-web";
    public IReadOnlyList<string> Audiences { get; init; } = ["catalog-api"];
    public string Scope { get; init; } = "openid profile catalog";
    public IReadOnlyList<string> Roles { get; init; } = ["customer"];

    // Replaces the well-formed {"roles": [...]} object, to test what a surprising token does.
    public object? RealmAccessOverride { get; init; }

    // Null means the issuer the API trusts.
    public string? Issuer { get; init; }
    public TimeSpan Lifetime { get; init; } = TimeSpan.FromMinutes(5);
    public DateTimeOffset? IssuedAt { get; init; }
    public string Algorithm { get; init; } = SecurityAlgorithms.RsaSha256;

    public static TestToken Customer => new();

    public static TestToken Admin => new()
    {
        Subject = "c4ca4238-carol",
        PreferredUsername = "carol",
        AuthorizedParty = "backoffice-web",
        Roles = ["staff", "admin"],
    };
}
