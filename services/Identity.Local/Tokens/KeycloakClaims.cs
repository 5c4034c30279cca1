using System.Text.Json.Nodes;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Sessions;

namespace ShopAuthDemo.Identity.Local.Tokens;

/// <summary>
/// Applies the realm's protocol mappers the way Keycloak does: each granted client scope's mappers
/// write claims into the access token, the ID token and/or the userinfo response; role mappers see only
/// the roles in the client's scope (<see cref="ScopedRoles"/>).
/// </summary>
public static class KeycloakClaims
{
    public sealed class Output
    {
        public JsonObject AccessToken { get; } = [];
        public JsonObject IdToken { get; } = [];
        public JsonObject UserInfo { get; } = [];
        public SortedSet<string> Audiences { get; } = new(StringComparer.Ordinal);
    }

    /// <param name="session">The SSO session the tokens belong to (its notes); null without one (service accounts).</param>
    public static Output Apply(RealmUser user, RealmClient client, IEnumerable<RealmClientScope> scopes,
        SsoSession? session = null)
    {
        var output = new Output();
        var granted = scopes.ToList();
        var roles = ScopedRoles.Of(user, client, granted);
        foreach (var mapper in granted.SelectMany(s => s.Mappers))
        {
            if (mapper.Type == SupportedMappers.Audience)
            {
                if (!mapper.InAccessToken) continue;
                if (mapper.Config.GetValueOrDefault("included.client.audience") is { } clientAudience) output.Audiences.Add(clientAudience);
                if (mapper.Config.GetValueOrDefault("included.custom.audience") is { } customAudience) output.Audiences.Add(customAudience);
                continue;
            }

            foreach (var (path, value) in Values(mapper, user, client, roles, session))
            {
                if (mapper.InAccessToken) Set(output.AccessToken, path, value);
                if (mapper.InIdToken) Set(output.IdToken, path, value);
                if (mapper.InUserInfo) Set(output.UserInfo, path, value);
            }
        }
        return output;
    }

    private static IEnumerable<(string Path, JsonNode Value)> Values(ClaimMapper mapper, RealmUser user, RealmClient client,
        ScopedRoles.Roles roles, SsoSession? session)
    {
        var claim = mapper.Config.GetValueOrDefault("claim.name") ?? "";
        switch (mapper.Type)
        {
            case SupportedMappers.Subject:
                yield return ("sub", JsonValue.Create(user.Id));
                break;
            case SupportedMappers.UserAttribute or SupportedMappers.UserProperty:
                if ((UserField(user, mapper.Config["user.attribute"]) ?? ProfileAttribute(user, mapper)) is { } field) yield return (claim, field);
                break;
            case SupportedMappers.GroupMembership:
                // Always written, empty for a user in no group, as Keycloak does.
                var fullPath = mapper.Config.GetValueOrDefault("full.path") == "true";
                yield return (claim, new JsonArray([.. user.Groups.Select(g => JsonValue.Create(fullPath ? g.Path : g.Name))]));
                break;
            case SupportedMappers.FullName:
                var name = $"{user.FirstName} {user.LastName}".Trim();
                if (name.Length > 0) yield return ("name", JsonValue.Create(name));
                break;
            case SupportedMappers.RealmRoles:
                if (roles.RealmRoles.Count > 0) yield return (claim, Roles(roles.RealmRoles, mapper));
                break;
            case SupportedMappers.ClientRoles:
                var only = mapper.Config.GetValueOrDefault("usermodel.clientRoleMapping.clientId");
                foreach (var (roleClient, clientRoles) in roles.ClientRoles.Where(p => only is null || p.Key == only))
                    yield return (claim.Replace("${client_id}", roleClient), Roles(clientRoles, mapper));
                break;
            case SupportedMappers.AllowedOrigins:
                var origins = AllowedOrigins(client);
                if (origins.Count > 0) yield return ("allowed-origins", new JsonArray([.. origins.Select(o => JsonValue.Create(o))]));
                break;
            case SupportedMappers.Acr:
                // Password authentication is Keycloak's level "1".
                yield return ("acr", JsonValue.Create("1"));
                break;
            case SupportedMappers.UserSessionNote:
                if (SessionNote(session, mapper.Config["user.session.note"]) is { } note) yield return (claim, note);
                break;
        }
    }

    private static JsonNode? SessionNote(SsoSession? session, string note) => note switch
    {
        // Lets a client that asked for prompt=login check that the password was typed after it asked.
        SupportedMappers.AuthTimeNote when session is not null => JsonValue.Create(session.AuthenticatedAt.ToUnixTimeSeconds()),
        // Which identity provider the user came through (federation); absent for a password typed here.
        BrokeredSignIn.AliasNote when session?.Broker is { } broker => JsonValue.Create(broker.Alias),
        BrokeredSignIn.UsernameNote when session?.Broker is { } broker => JsonValue.Create(broker.ExternalUsername),
        _ => null,
    };

    private static JsonNode? UserField(RealmUser user, string field) => field switch
    {
        "username" => JsonValue.Create(user.Username),
        "email" => user.Email is null ? null : JsonValue.Create(user.Email),
        "emailVerified" => JsonValue.Create(user.EmailVerified),
        "firstName" => user.FirstName is null ? null : JsonValue.Create(user.FirstName),
        "lastName" => user.LastName is null ? null : JsonValue.Create(user.LastName),
        _ => null,
    };

    // A user-profile attribute: its first value, or all of them when the mapper is multivalued; nothing without a value.
    private static JsonNode? ProfileAttribute(RealmUser user, ClaimMapper mapper)
    {
        if (user.Attributes.GetValueOrDefault(mapper.Config["user.attribute"]) is not { Count: > 0 } values) return null;
        return mapper.Config.GetValueOrDefault("multivalued") == "true"
            ? new JsonArray([.. values.Select(v => JsonValue.Create(v))])
            : JsonValue.Create(values[0]);
    }

    private static JsonArray Roles(IEnumerable<string> roles, ClaimMapper mapper)
    {
        var prefix = mapper.Config.GetValueOrDefault("usermodel.realmRoleMapping.rolePrefix")
                     ?? mapper.Config.GetValueOrDefault("usermodel.clientRoleMapping.rolePrefix") ?? "";
        return [.. roles.Select(r => JsonValue.Create(prefix + r))];
    }

    // "+" in webOrigins means "the origins of the redirect URIs", as in Keycloak.
    private static List<string> AllowedOrigins(RealmClient client) =>
        client.WebOrigins
            .SelectMany(o => o == "+" ? client.RedirectUris.Select(u => new Uri(u).GetLeftPart(UriPartial.Authority)) : [o])
            .Distinct()
            .ToList();

    // Keycloak reads dots in a claim name as nesting: "realm_access.roles" -> {"realm_access":{"roles":[...]}}.
    private static void Set(JsonObject target, string path, JsonNode value)
    {
        var parts = path.Split('.');
        var node = target;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child)
            {
                child = [];
                node[part] = child;
            }
            node = child;
        }
        node[parts[^1]] = value.DeepClone();
    }
}
