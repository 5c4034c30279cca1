using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Sessions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShopAuthDemo.Identity.Local.Tokens;

/// <summary>
/// Builds the principal OpenIddict turns into tokens, shaped like Keycloak's: claims from the granted
/// scopes' mappers, <c>aud</c> from audience mappers, <c>azp</c>, <c>typ</c>, <c>sid</c> and <c>scope</c>.
/// </summary>
public sealed class TokenPrincipalFactory(LocalRealm realm)
{
    /// <param name="requestedScopes">The scope parameter; optional scopes are granted only when asked for.</param>
    /// <param name="audiences">When set (token exchange), the audience is narrowed to these.</param>
    public ClaimsPrincipal Create(RealmUser user, RealmClient client, IEnumerable<string> requestedScopes,
        SsoSession? session, IReadOnlyCollection<string>? audiences = null)
    {
        var requested = requestedScopes.ToHashSet(StringComparer.Ordinal);
        var granted = GrantedScopes(client, requested).ToList();
        var mapped = KeycloakClaims.Apply(user, client, granted, session);

        var identity = new ClaimsIdentity("IdentityLocal", Claims.PreferredUsername, Claims.Role);
        AddMapped(identity, mapped.AccessToken, mapped.IdToken);
        Add(identity, Claims.AuthorizedParty, client.ClientId, Destinations.AccessToken, Destinations.IdentityToken);
        Add(identity, "typ", "Bearer", Destinations.AccessToken);
        if (session is not null)
            Add(identity, "sid", session.Id, Destinations.AccessToken, Destinations.IdentityToken);

        var principal = new ClaimsPrincipal(identity);
        principal.SetAudiences(audiences is null ? mapped.Audiences : mapped.Audiences.Intersect(audiences));
        principal.SetPresenters(client.ClientId);
        principal.SetScopes(TokenScopes(requested, granted));

        var lifetime = client.AccessTokenLifespan ?? realm.Settings.AccessTokenLifespan;
        principal.SetAccessTokenLifetime(lifetime);
        principal.SetIdentityTokenLifetime(lifetime);
        // Keycloak's refresh token lives as long as the SSO session may stay idle.
        principal.SetRefreshTokenLifetime(realm.Settings.SsoSessionIdleTimeout);
        return principal;
    }

    /// <summary>The client's default scopes, plus the optional ones it asked for.</summary>
    public IEnumerable<RealmClientScope> GrantedScopes(RealmClient client, IReadOnlySet<string> requested) =>
        client.DefaultScopes
            .Concat(client.OptionalScopes.Where(requested.Contains))
            .Distinct()
            .Select(realm.GetScope);

    // The "scope" claim lists openid (when asked) and the granted scopes that are marked for it.
    private static IEnumerable<string> TokenScopes(IReadOnlySet<string> requested, IEnumerable<RealmClientScope> granted) =>
        (requested.Contains(Scopes.OpenId) ? [Scopes.OpenId] : Array.Empty<string>())
            .Concat(granted.Where(s => s.IncludeInTokenScope).Select(s => s.Name));

    private static void AddMapped(ClaimsIdentity identity, JsonObject access, JsonObject id)
    {
        foreach (var type in access.Select(p => p.Key).Union(id.Select(p => p.Key)))
        {
            var inAccess = access[type];
            var inId = id[type];
            if (inAccess is not null && inId is not null && JsonNode.DeepEquals(inAccess, inId))
            {
                Add(identity, type, inAccess, Destinations.AccessToken, Destinations.IdentityToken);
                continue;
            }
            if (inAccess is not null) Add(identity, type, inAccess, Destinations.AccessToken);
            if (inId is not null) Add(identity, type, inId, Destinations.IdentityToken);
        }
    }

    private static void Add(ClaimsIdentity identity, string type, JsonNode value, params string[] destinations)
    {
        var claim = value.GetValueKind() switch
        {
            JsonValueKind.String => new Claim(type, value.GetValue<string>()),
            JsonValueKind.True or JsonValueKind.False => new Claim(type, value.ToJsonString(), ClaimValueTypes.Boolean),
            JsonValueKind.Number => new Claim(type, value.ToJsonString(), ClaimValueTypes.Integer64),
            // Objects and arrays stay JSON in the token (realm_access, allowed-origins), as Keycloak writes them.
            JsonValueKind.Array => new Claim(type, value.ToJsonString(), JsonClaimValueTypes.JsonArray),
            _ => new Claim(type, value.ToJsonString(), JsonClaimValueTypes.Json),
        };
        claim.SetDestinations(destinations);
        identity.AddClaim(claim);
    }

    private static void Add(ClaimsIdentity identity, string type, string value, params string[] destinations) =>
        Add(identity, type, JsonValue.Create(value), destinations);
}
