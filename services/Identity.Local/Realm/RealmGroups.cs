namespace ShopAuthDemo.Identity.Local.Realm;

/// <summary>
/// The realm's groups, flattened with their paths ("/pricing-leads", "/parent/child"). Users join them by path
/// (<c>users[].groups</c>); the group-membership mapper and the admin API read them back.
/// </summary>
internal static class RealmGroups
{
    public static IReadOnlyList<RealmGroup> Read(IEnumerable<GroupRepresentation>? groups, string realm, Action<bool, string> require)
    {
        var flat = new List<RealmGroup>();
        foreach (var group in groups ?? []) Add(group, parent: null, realm, flat, require);
        foreach (var duplicate in flat.GroupBy(g => g.Path).Where(g => g.Count() > 1))
            require(false, $"groups: '{duplicate.Key}' is declared twice (Keycloak's import fails on it)");
        return flat;
    }

    private static void Add(GroupRepresentation group, RealmGroup? parent, string realm, List<RealmGroup> flat, Action<bool, string> require)
    {
        var path = $"{parent?.Path}/{group.Name}";
        var where = $"groups[{path}]";
        require(group.Name.Length > 0 && !group.Name.Contains('/'), $"{where}: a group name must not be empty or contain '/'");
        // Keycloak builds the path from the names and ignores this one; a different one is a mistake in the file.
        require(group.Path is null || group.Path == path, $"{where}: path '{group.Path}' does not match the group's place ('{path}')");
        // Roles through membership would reach tokens and the role-mappings API by a route the stand-in does not take.
        require(group.RealmRoles is null or [] && group.ClientRoles is null or { Count: 0 },
            $"{where}: roles on groups are not supported (give them to the users)");
        require(group.Attributes is null or { Count: 0 }, $"{where}: group attributes are not supported");

        var realmGroup = new RealmGroup(group.Id ?? StableIds.For(realm, "group" + path), group.Name, path, parent?.Id);
        flat.Add(realmGroup);
        foreach (var child in group.SubGroups ?? []) Add(child, realmGroup, realm, flat, require);
    }

    /// <summary>The group at this path; Keycloak also accepts it without the leading slash.</summary>
    public static RealmGroup? Find(IEnumerable<RealmGroup> groups, string path)
    {
        var normalised = path.StartsWith('/') ? path : "/" + path;
        return groups.FirstOrDefault(g => g.Path == normalised);
    }
}
