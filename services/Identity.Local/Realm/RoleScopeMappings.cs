namespace ShopAuthDemo.Identity.Local.Realm;

/// <summary>
/// Reads the realm's role scope mappings (<c>scopeMappings</c> for realm roles, <c>clientScopeMappings</c> for
/// client roles) into one <see cref="RoleScope"/> per client and per client scope.
/// </summary>
internal sealed class RoleScopeMappings
{
    private readonly Dictionary<string, (HashSet<string> Realm, Dictionary<string, HashSet<string>> Client)> _clients = [];
    private readonly Dictionary<string, (HashSet<string> Realm, Dictionary<string, HashSet<string>> Client)> _clientScopes = [];

    public static RoleScopeMappings Read(RealmRepresentation file, ISet<string> realmRoles,
        IReadOnlyDictionary<string, HashSet<string>> clientRoles, ISet<string> clientIds, ISet<string> scopeNames,
        Action<bool, string> require)
    {
        var mappings = new RoleScopeMappings();
        foreach (var (i, mapping) in (file.ScopeMappings ?? []).Index())
        {
            var where = $"scopeMappings[{i}]";
            if (mappings.Holder(mapping, where, clientIds, scopeNames, require) is not { } holder) continue;
            foreach (var role in mapping.Roles ?? [])
            {
                // Keycloak would create a missing role on import: a misspelt name becomes a new role nobody holds.
                require(realmRoles.Contains(role), $"{where}: realm role '{role}' is not defined in roles.realm");
                holder.Realm.Add(role);
            }
        }
        foreach (var (roleClient, list) in file.ClientScopeMappings ?? [])
        {
            require(clientIds.Contains(roleClient), $"clientScopeMappings.{roleClient}: no such client");
            foreach (var (i, mapping) in list.Index())
            {
                var where = $"clientScopeMappings.{roleClient}[{i}]";
                if (mappings.Holder(mapping, where, clientIds, scopeNames, require) is not { } holder) continue;
                foreach (var role in mapping.Roles ?? [])
                {
                    require(clientRoles.GetValueOrDefault(roleClient)?.Contains(role) == true,
                        $"{where}: client role '{roleClient}/{role}' is not defined in roles.client");
                    AddClientRole(holder.Client, roleClient, role);
                }
            }
        }
        return mappings;
    }

    /// <summary>A client's scope: its own scope mappings plus its own client roles, as in Keycloak.</summary>
    public RoleScope ForClient(string clientId, IEnumerable<string> ownClientRoles)
    {
        var (realm, client) = _clients.GetValueOrDefault(clientId, ([], []));
        foreach (var role in ownClientRoles) AddClientRole(client, clientId, role);
        return ToRoleScope(realm, client);
    }

    public RoleScope ForClientScope(string scope) =>
        _clientScopes.TryGetValue(scope, out var mapped) ? ToRoleScope(mapped.Realm, mapped.Client) : RoleScope.None;

    private (HashSet<string> Realm, Dictionary<string, HashSet<string>> Client)? Holder(ScopeMappingRepresentation mapping,
        string where, ISet<string> clientIds, ISet<string> scopeNames, Action<bool, string> require)
    {
        require((mapping.Client is null) != (mapping.ClientScope is null), $"{where}: name either a client or a clientScope");
        if (mapping.Client is { } client)
        {
            // Keycloak fails the import on an unknown client here.
            require(clientIds.Contains(client), $"{where}: client '{client}' does not exist");
            return Entry(_clients, client);
        }
        if (mapping.ClientScope is { } scope)
        {
            require(scopeNames.Contains(scope), $"{where}: client scope '{scope}' is not declared in clientScopes");
            return Entry(_clientScopes, scope);
        }
        return null;
    }

    private static (HashSet<string> Realm, Dictionary<string, HashSet<string>> Client) Entry(
        Dictionary<string, (HashSet<string> Realm, Dictionary<string, HashSet<string>> Client)> map, string key) =>
        map.TryGetValue(key, out var entry) ? entry : map[key] = ([], []);

    private static void AddClientRole(Dictionary<string, HashSet<string>> roles, string client, string role)
    {
        if (!roles.TryGetValue(client, out var set)) roles[client] = set = [];
        // A composite role in scope brings the roles it contains (Keycloak expands the scope as it expands the user's roles).
        set.UnionWith(RealmManagementClient.Expand(client, [role]));
    }

    private static RoleScope ToRoleScope(HashSet<string> realm, Dictionary<string, HashSet<string>> client) =>
        new(realm, client.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value));
}
