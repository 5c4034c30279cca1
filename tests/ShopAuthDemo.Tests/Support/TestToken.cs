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

    // resource_access: client id -> client roles. Keycloak leaves the claim out when there are none.
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ClientRoles { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();

    // When the user last entered a password (auth_time). Null: when the token was issued, a fresh sign-in.
    public DateTimeOffset? AuthTime { get; init; }

    // Client credentials: no user signed in, so no auth_time at all.
    public bool WithoutAuthTime { get; init; }

    // The realm's group-membership mapper: group names, no leading slash. Left out when empty.
    public IReadOnlyList<string> Groups { get; init; } = [];

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
        // As in the realm: carol leads pricing, so the group rule lets her make big price changes.
        Groups = ["pricing-leads"],
    };

    // orders-api's own token from client credentials: no person behind it, no customer role, but the
    // catalog-api client role the realm grants its service account. Keycloak still gives a service
    // account the realm's default roles.
    public static TestToken OrdersServiceAccount => new()
    {
        Subject = "4c5a7e2e-service-account-orders-api",
        PreferredUsername = "service-account-orders-api",
        AuthorizedParty = "orders-api",
        Scope = "profile catalog",
        Roles = ["default-roles-shop", "offline_access", "uma_authorization"],
        ClientRoles = new Dictionary<string, IReadOnlyList<string>> { ["catalog-api"] = ["price-quotes"] },
        WithoutAuthTime = true,
    };

    // The external logistics partner's client-credentials token (scope shipping -> aud orders-api).
    public static TestToken Partner => new()
    {
        Subject = "4c5a7e2e-service-account-partner-acme",
        PreferredUsername = "service-account-partner-acme",
        AuthorizedParty = "partner-acme",
        Audiences = ["orders-api"],
        Scope = "profile shipping",
        Roles = ["default-roles-shop", "offline_access", "uma_authorization"],
        WithoutAuthTime = true,
    };
}
