using System.Collections.Concurrent;
using ShopAuthDemo.Identity.Local.Endpoints;

namespace ShopAuthDemo.Identity.Local.Realm;

/// <summary>The realm as the stand-in serves it: clients, scopes, roles, groups and users resolved from the file.</summary>
public sealed class LocalRealm(
    RealmSettings settings,
    IReadOnlyList<RealmClient> clients,
    IReadOnlyList<RealmClientScope> scopes,
    IReadOnlyList<RealmRole> realmRoles,
    IReadOnlyList<RealmGroup> groups,
    UserProfile userProfile,
    IReadOnlyList<RealmUser> users,
    IReadOnlyList<RealmIdentityProvider> identityProviders)
{
    // Users a brokered sign-in created (first broker login): they live as long as the process, like sessions.
    private readonly ConcurrentDictionary<string, RealmUser> _brokeredUsers = new();
    private readonly IReadOnlyList<RealmUser> _fileUsers = users;

    private readonly Dictionary<string, RealmClient> _clients = clients.ToDictionary(c => c.ClientId);
    private readonly Dictionary<string, RealmClientScope> _scopes = scopes.ToDictionary(s => s.Name);

    public RealmSettings Settings { get; } = settings;
    public KeycloakPaths Paths { get; } = new(settings.Name);
    public IReadOnlyList<RealmClient> Clients { get; } = clients;
    public IReadOnlyList<RealmClientScope> Scopes { get; } = scopes;
    public IReadOnlyList<RealmRole> RealmRoles { get; } = realmRoles;
    public IReadOnlyList<RealmGroup> Groups { get; } = groups;
    public UserProfile UserProfile { get; } = userProfile;
    /// <summary>The file's users, then the users brokered sign-ins created.</summary>
    public IReadOnlyList<RealmUser> Users => [.. _fileUsers, .. _brokeredUsers.Values.OrderBy(u => u.Username, StringComparer.Ordinal)];

    public IReadOnlyList<RealmIdentityProvider> IdentityProviders { get; } = identityProviders;

    public RealmIdentityProvider? FindIdentityProvider(string? alias) => IdentityProviders.FirstOrDefault(p => p.Alias == alias);

    /// <summary>Adds a user a brokered sign-in created, or replaces it with what the provider says now (syncMode FORCE).</summary>
    public void SaveBrokeredUser(RealmUser user) => _brokeredUsers[user.Id] = user;

    public RealmClient? FindClient(string? clientId) =>
        clientId is not null && _clients.TryGetValue(clientId, out var client) ? client : null;

    public RealmClientScope GetScope(string name) => _scopes[name];

    public RealmUser? FindUserById(string? id) =>
        id is null ? null : _fileUsers.FirstOrDefault(u => u.Id == id) ?? _brokeredUsers.GetValueOrDefault(id);

    /// <summary>A person who may sign in (never a service account), by username or, where allowed, email.</summary>
    public RealmUser? FindPerson(string login)
    {
        var name = NormaliseLogin(login);
        return Users.FirstOrDefault(u => u.ServiceAccountClientId is null &&
            (NormaliseLogin(u.Username) == name ||
             (Settings.LoginWithEmailAllowed && u.Email is not null && NormaliseLogin(u.Email) == name)));
    }

    /// <summary>
    /// What a typed username means, as Keycloak reads it: surrounding spaces dropped, case ignored. Everything
    /// that keys on a typed name uses this, so two spellings of one name can never be told apart.
    /// </summary>
    public static string NormaliseLogin(string typed) => typed.Trim().ToLowerInvariant();

    public RealmUser? ServiceAccountOf(string clientId) =>
        Users.FirstOrDefault(u => u.ServiceAccountClientId == clientId);
}

/// <param name="Id">The realm's id (the containerId of its roles in the admin API).</param>
public sealed record RealmSettings(
    string Id,
    string Name,
    string DisplayName,
    TimeSpan AccessTokenLifespan,
    TimeSpan SsoSessionIdleTimeout,
    TimeSpan SsoSessionMaxLifespan,
    bool LoginWithEmailAllowed,
    BruteForceDetection BruteForce);

public sealed record RealmClient(
    string ClientId,
    string DisplayName,
    bool IsPublic,
    bool BearerOnly,
    string? Secret,
    bool StandardFlowEnabled,
    bool ServiceAccountsEnabled,
    bool StandardTokenExchangeEnabled,
    bool RequirePkceS256,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris,
    string? BackchannelLogoutUrl,
    bool BackchannelLogoutSessionRequired,
    IReadOnlyList<string> WebOrigins,
    TimeSpan? AccessTokenLifespan,
    IReadOnlyList<string> DefaultScopes,
    IReadOnlyList<string> OptionalScopes,
    bool FullScopeAllowed,
    RoleScope RoleScope);

public sealed record RealmClientScope(string Name, bool IncludeInTokenScope, IReadOnlyList<ClaimMapper> Mappers, RoleScope RoleScope);

/// <summary>
/// Roles that may reach a token through one client or client scope (its role scope mappings; for a client
/// also its own client roles). Used only where <c>fullScopeAllowed</c> is false.
/// </summary>
public sealed record RoleScope(IReadOnlySet<string> RealmRoles, IReadOnlyDictionary<string, IReadOnlySet<string>> ClientRoles)
{
    public static RoleScope None { get; } = new(new HashSet<string>(), new Dictionary<string, IReadOnlySet<string>>());

    public bool AllowsRealmRole(string role) => RealmRoles.Contains(role);

    public bool AllowsClientRole(string client, string role) =>
        ClientRoles.TryGetValue(client, out var roles) && roles.Contains(role);
}

/// <summary>One Keycloak protocol mapper: which claim it writes and into which tokens.</summary>
public sealed record ClaimMapper(
    string Name,
    string Type,
    IReadOnlyDictionary<string, string> Config,
    bool InAccessToken,
    bool InIdToken,
    bool InUserInfo);

/// <summary>A user; <see cref="ClientRoles"/> hold composite roles expanded (realm-management's view-users).</summary>
public sealed record RealmUser(
    string Id,
    string Username,
    bool Enabled,
    string? Email,
    bool EmailVerified,
    string? FirstName,
    string? LastName,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes,
    string? Password,
    IReadOnlyList<string> RealmRoles,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ClientRoles,
    IReadOnlyList<RealmGroup> Groups,
    string? ServiceAccountClientId);

public sealed record RealmRole(string Id, string Name, string? Description);

/// <summary>A group; <see cref="Path"/> is its names from the top, "/pricing-leads".</summary>
public sealed record RealmGroup(string Id, string Name, string Path, string? ParentId);
