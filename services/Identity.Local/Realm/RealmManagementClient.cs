namespace ShopAuthDemo.Identity.Local.Realm;

/// <summary>
/// Keycloak's built-in <c>realm-management</c> client, which every realm gets on import unless the file declares
/// it. Its roles open the admin REST API; a service account that holds <c>view-users</c> may read users.
/// The file names these roles without defining them (in <c>users[].clientRoles</c>, <c>clientScopeMappings</c>).
/// </summary>
public static class RealmManagementClient
{
    public const string ClientId = "realm-management";
    public const string ViewUsers = "view-users";
    public const string RealmAdmin = "realm-admin";

    // Keycloak's AdminRoles.ALL_REALM_ROLES.
    private static readonly string[] AdminRoles =
    [
        "view-realm", "view-users", "view-clients", "view-events", "view-identity-providers", "view-authorization",
        "manage-realm", "manage-users", "manage-clients", "manage-events", "manage-identity-providers", "manage-authorization",
        "query-users", "query-clients", "query-realms", "query-groups", "create-client", "impersonation",
    ];

    public static IReadOnlySet<string> Roles { get; } = new HashSet<string>([RealmAdmin, .. AdminRoles]);

    // Composite roles as RealmManager sets them up; a token carries the expanded set.
    private static readonly Dictionary<string, string[]> Composites = new()
    {
        [RealmAdmin] = AdminRoles,
        [ViewUsers] = ["query-users", "query-groups"],
        ["view-clients"] = ["query-clients"],
    };

    /// <summary>The roles with everything their composites contain (other clients' roles are not composite).</summary>
    public static IEnumerable<string> Expand(string clientId, IEnumerable<string> roles) =>
        clientId == ClientId ? roles.SelectMany(WithComposites).Distinct() : roles;

    private static IEnumerable<string> WithComposites(string role) =>
        [role, .. Composites.GetValueOrDefault(role, []).SelectMany(WithComposites)];
}
