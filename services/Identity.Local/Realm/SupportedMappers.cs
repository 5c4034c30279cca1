namespace ShopAuthDemo.Identity.Local.Realm;

/// <summary>The Keycloak protocol mappers the stand-in can reproduce, with the config keys each accepts.</summary>
public static class SupportedMappers
{
    public const string Subject = "oidc-sub-mapper";
    public const string UserAttribute = "oidc-usermodel-attribute-mapper";
    public const string UserProperty = "oidc-usermodel-property-mapper";
    public const string FullName = "oidc-full-name-mapper";
    public const string RealmRoles = "oidc-usermodel-realm-role-mapper";
    public const string ClientRoles = "oidc-usermodel-client-role-mapper";
    public const string Audience = "oidc-audience-mapper";
    public const string AllowedOrigins = "oidc-allowed-origins-mapper";
    public const string Acr = "oidc-acr-mapper";
    /// <summary>
    /// A note of the user's session: AUTH_TIME (the auth_time claim of Keycloak's built-in basic scope), or the
    /// notes a brokered sign-in leaves (which identity provider, and the user's name there).
    /// </summary>
    public const string UserSessionNote = "oidc-usersessionmodel-note-mapper";
    public const string AuthTimeNote = "AUTH_TIME";

    public static readonly IReadOnlySet<string> SessionNotes =
        new HashSet<string> { AuthTimeNote, "identity_provider", "identity_provider_identity" };
    /// <summary>The user's groups: names, or paths with <c>full.path</c> "true".</summary>
    public const string GroupMembership = "oidc-group-membership-mapper";

    private static readonly string[] TokenFlags =
        ["access.token.claim", "id.token.claim", "userinfo.token.claim", "introspection.token.claim"];

    private static readonly string[] ClaimKeys = ["claim.name", "jsonType.label", "multivalued", "user.attribute"];

    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> ConfigKeys =
        new Dictionary<string, IReadOnlySet<string>>
        {
            [Subject] = Keys(),
            [UserAttribute] = Keys(ClaimKeys),
            [UserProperty] = Keys(ClaimKeys),
            [FullName] = Keys(),
            [RealmRoles] = Keys([.. ClaimKeys, "usermodel.realmRoleMapping.rolePrefix"]),
            [ClientRoles] = Keys([.. ClaimKeys, "usermodel.clientRoleMapping.clientId", "usermodel.clientRoleMapping.rolePrefix"]),
            [Audience] = Keys("included.client.audience", "included.custom.audience"),
            [AllowedOrigins] = Keys(),
            [Acr] = Keys(),
            [UserSessionNote] = Keys([.. ClaimKeys, "user.session.note"]),
            [GroupMembership] = Keys("claim.name", "full.path"),
        };

    /// <summary>User fields a property mapper may read; an attribute mapper also reads the user profile's attributes.</summary>
    public static readonly IReadOnlySet<string> UserFields =
        new HashSet<string> { "username", "email", "emailVerified", "firstName", "lastName" };

    private static HashSet<string> Keys(params string[] extra) => [.. TokenFlags, .. extra];
}
