namespace ShopAuthDemo.Identity.Local.Realm;

/// <summary>Turns one <c>users[]</c> entry into a <see cref="RealmUser"/>, refusing what Keycloak would not keep.</summary>
internal static class UserMapping
{
    public static RealmUser ToUser(UserRepresentation u, string realm, ISet<string> realmRoles,
        Dictionary<string, HashSet<string>> clientRoles, List<RealmClient> clients, IReadOnlyList<RealmGroup> groups,
        UserProfile profile, Action<bool, string> require)
    {
        var where = $"users[{u.Username}]";
        foreach (var role in u.RealmRoles ?? [])
            require(realmRoles.Contains(role), $"{where}: realm role '{role}' is not defined");
        foreach (var (client, roles) in u.ClientRoles ?? [])
            foreach (var role in roles)
                require(clientRoles.GetValueOrDefault(client)?.Contains(role) == true, $"{where}: client role '{client}/{role}' is not defined");

        var credentials = u.Credentials ?? [];
        foreach (var credential in credentials)
        {
            require(credential.Type == "password", $"{where}: credential type '{credential.Type}' (only password)");
            require(credential.Temporary is not true, $"{where}: temporary passwords (update on first login) are not supported");
        }
        if (u.ServiceAccountClientId is { } owner)
            require(clients.Any(c => c.ClientId == owner && c.ServiceAccountsEnabled),
                $"{where}: service account of '{owner}', which has no service account enabled");

        var attributes = Attributes(u, profile, where, require);
        var memberOf = new List<RealmGroup>();
        foreach (var path in u.Groups ?? [])
        {
            // Keycloak's import fails here too ("Unable to find group specified by path").
            if (RealmGroups.Find(groups, path) is { } group) memberOf.Add(group);
            else require(false, $"{where}: group '{path}' is not declared in groups");
        }

        return new RealmUser(
            u.Id ?? StableIds.For(realm, u.Username),
            u.Username,
            u.Enabled ?? false,   // Keycloak imports a user without "enabled": true as disabled.
            u.Email,
            u.EmailVerified ?? false,
            u.FirstName,
            u.LastName,
            attributes,
            credentials.FirstOrDefault(c => c.Type == "password")?.Value,
            u.RealmRoles ?? [],
            (u.ClientRoles ?? []).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. RealmManagementClient.Expand(p.Key, p.Value)]),
            memberOf.Distinct().ToList(),
            u.ServiceAccountClientId);
    }

    private static Dictionary<string, IReadOnlyList<string>> Attributes(UserRepresentation u, UserProfile profile, string where,
        Action<bool, string> require)
    {
        var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in u.Attributes ?? [])
        {
            if (UserProfile.RootAttributes.Contains(name))
                require(false, $"{where}.attributes.{name}: write '{name}' as the user's own field, not as an attribute");
            else if (!profile.Declares(name))
                require(false, $"{where}.attributes.{name}: the realm's user profile does not declare '{name}', so Keycloak (24+) " +
                               "would drop it on import; declare it in the user profile component");
            else if (values.Count > 1 && !profile.IsMultivalued(name))
                require(false, $"{where}.attributes.{name}: {values.Count} values for an attribute the user profile declares single-valued");
            else
                attributes[name] = values;
        }

        // A person missing one would meet Keycloak's "update your profile" form at sign-in, which the stand-in has not.
        if (u.ServiceAccountClientId is null)
            foreach (var name in profile.RequiredForUsers.Where(name => !HasValue(u, attributes, name)))
                require(false, $"{where}: '{name}' is required by the user profile but has no value");
        return attributes;
    }

    private static bool HasValue(UserRepresentation u, Dictionary<string, IReadOnlyList<string>> attributes, string name) => name switch
    {
        "username" => !string.IsNullOrEmpty(u.Username),
        "email" => !string.IsNullOrEmpty(u.Email),
        "firstName" => !string.IsNullOrEmpty(u.FirstName),
        "lastName" => !string.IsNullOrEmpty(u.LastName),
        _ => attributes.GetValueOrDefault(name) is { Count: > 0 } values && values.Any(v => v.Length > 0),
    };
}
