using ShopAuthDemo.Identity.Local.Realm;

namespace ShopAuthDemo.Identity.Local.Tokens;

/// <summary>
/// The user's roles that may reach a token issued to a client, as Keycloak decides (TokenManager.getAccess):
/// with <c>fullScopeAllowed</c> every role; without it only roles in the client's own scope (its role scope
/// mappings and client roles) or in the scope mappings of the client scopes granted to this token. Stops a
/// token from a low-trust app carrying privileges it never uses: carol's shop token is no admin token.
/// </summary>
public static class ScopedRoles
{
    public sealed record Roles(IReadOnlyList<string> RealmRoles, IReadOnlyDictionary<string, IReadOnlyList<string>> ClientRoles);

    /// <param name="client">The client the token is issued to (in token exchange: the requester).</param>
    public static Roles Of(RealmUser user, RealmClient client, IReadOnlyCollection<RealmClientScope> granted)
    {
        if (client.FullScopeAllowed) return new(user.RealmRoles, user.ClientRoles);

        RoleScope[] scope = [client.RoleScope, .. granted.Select(s => s.RoleScope)];
        var realmRoles = user.RealmRoles.Where(role => scope.Any(s => s.AllowsRealmRole(role))).ToList();
        var clientRoles = user.ClientRoles
            .Select(p => (Client: p.Key, Roles: p.Value.Where(role => scope.Any(s => s.AllowsClientRole(p.Key, role))).ToList()))
            .Where(p => p.Roles.Count > 0)
            .ToDictionary(p => p.Client, p => (IReadOnlyList<string>)p.Roles);
        return new(realmRoles, clientRoles);
    }
}
