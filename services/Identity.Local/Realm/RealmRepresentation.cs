namespace ShopAuthDemo.Identity.Local.Realm;

// The part of Keycloak's realm-import schema this stand-in understands. Property names are
// Keycloak's own; any other property in the file fails the load (unmapped members are disallowed),
// so the stand-in never silently ignores something Keycloak would act on.

public sealed record RealmRepresentation(
    string Realm,
    string? DisplayName,
    bool Enabled,
    string? SslRequired,
    bool? LoginWithEmailAllowed,
    int? AccessTokenLifespan,
    int? SsoSessionIdleTimeout,
    int? SsoSessionMaxLifespan,
    bool? RevokeRefreshToken,
    int? RefreshTokenMaxReuse,
    bool? BruteForceProtected,
    bool? PermanentLockout,
    int? MaxTemporaryLockouts,
    string? BruteForceStrategy,
    int? FailureFactor,
    int? WaitIncrementSeconds,
    int? MaxFailureWaitSeconds,
    int? MinimumQuickLoginWaitSeconds,
    int? QuickLoginCheckMilliSeconds,
    int? MaxDeltaTimeSeconds,
    string? PasswordPolicy,
    bool? EventsEnabled,
    int? EventsExpiration,
    List<string>? EnabledEventTypes,
    bool? AdminEventsEnabled,
    bool? AdminEventsDetailsEnabled,
    Dictionary<string, List<ComponentRepresentation>>? Components,
    RolesRepresentation? Roles,
    List<string>? DefaultDefaultClientScopes,
    List<string>? DefaultOptionalClientScopes,
    List<ClientScopeRepresentation>? ClientScopes,
    List<ClientRepresentation>? Clients,
    List<ScopeMappingRepresentation>? ScopeMappings,
    Dictionary<string, List<ScopeMappingRepresentation>>? ClientScopeMappings,
    List<GroupRepresentation>? Groups,
    List<UserRepresentation>? Users,
    List<IdentityProviderRepresentation>? IdentityProviders,
    List<IdentityProviderMapperRepresentation>? IdentityProviderMappers,
    List<AuthenticationFlowRepresentation>? AuthenticationFlows);

/// <summary>Another identity provider this realm brokers (Keycloak's "identity providers"); its config is a string map.</summary>
public sealed record IdentityProviderRepresentation(
    string Alias,
    string? DisplayName,
    string ProviderId,
    bool? Enabled,
    bool? TrustEmail,
    bool? StoreToken,
    bool? AddReadTokenRoleOnCreate,
    bool? LinkOnly,
    bool? HideOnLogin,
    string? FirstBrokerLoginFlowAlias,
    string? PostBrokerLoginFlowAlias,
    Dictionary<string, string>? Config);

/// <summary>What a brokered sign-in writes into the local user: attributes, roles, the username.</summary>
public sealed record IdentityProviderMapperRepresentation(
    string Name,
    string IdentityProviderAlias,
    string IdentityProviderMapper,
    Dictionary<string, string>? Config);

/// <summary>An authentication flow; the stand-in reproduces only a first-broker-login flow (see IdentityProviders).</summary>
public sealed record AuthenticationFlowRepresentation(
    string Alias,
    string? Description,
    string ProviderId,
    bool? TopLevel,
    bool? BuiltIn,
    List<AuthenticationExecutionRepresentation>? AuthenticationExecutions);

public sealed record AuthenticationExecutionRepresentation(
    string? Authenticator,
    bool? AuthenticatorFlow,
    string Requirement,
    int? Priority,
    bool? UserSetupAllowed);

/// <summary>
/// A realm component, keyed in <c>components</c> by its provider type. Its config is Keycloak's multivalued
/// map: every value is an array of strings.
/// </summary>
public sealed record ComponentRepresentation(
    string? Id,
    string? Name,
    string ProviderId,
    string? SubType,
    Dictionary<string, List<ComponentRepresentation>>? SubComponents,
    Dictionary<string, List<string>>? Config);

/// <summary>A realm group; <c>path</c> is informative on import (Keycloak builds it from the names).</summary>
public sealed record GroupRepresentation(
    string? Id,
    string Name,
    string? Path,
    string? Description,
    Dictionary<string, List<string>>? Attributes,
    List<string>? RealmRoles,
    Dictionary<string, List<string>>? ClientRoles,
    List<GroupRepresentation>? SubGroups);

public sealed record RolesRepresentation(
    List<RoleRepresentation>? Realm,
    Dictionary<string, List<RoleRepresentation>>? Client);

public sealed record RoleRepresentation(string Name, string? Description);

public sealed record ClientScopeRepresentation(
    string Name,
    string? Description,
    string? Protocol,
    Dictionary<string, string>? Attributes,
    List<ProtocolMapperRepresentation>? ProtocolMappers);

public sealed record ProtocolMapperRepresentation(
    string Name,
    string? Protocol,
    string ProtocolMapper,
    Dictionary<string, string>? Config);

public sealed record ClientRepresentation(
    string ClientId,
    string? Name,
    string? Description,
    string? Protocol,
    bool? Enabled,
    bool? PublicClient,
    bool? BearerOnly,
    string? ClientAuthenticatorType,
    string? Secret,
    bool? StandardFlowEnabled,
    bool? ImplicitFlowEnabled,
    bool? DirectAccessGrantsEnabled,
    bool? ServiceAccountsEnabled,
    bool? FrontchannelLogout,
    bool? ConsentRequired,
    bool? FullScopeAllowed,
    string? RootUrl,
    List<string>? RedirectUris,
    List<string>? WebOrigins,
    Dictionary<string, string>? Attributes,
    List<string>? DefaultClientScopes,
    List<string>? OptionalClientScopes);

/// <summary>
/// Role scope mappings: which roles may reach the tokens of a client (or of clients given a client scope)
/// that does not have <c>fullScopeAllowed</c>. Top-level <c>scopeMappings</c> name realm roles;
/// <c>clientScopeMappings</c> is keyed by the client whose roles are named.
/// </summary>
public sealed record ScopeMappingRepresentation(string? Client, string? ClientScope, List<string>? Roles);

public sealed record UserRepresentation(
    string? Id,
    string Username,
    bool? Enabled,
    string? Email,
    bool? EmailVerified,
    string? FirstName,
    string? LastName,
    Dictionary<string, List<string>>? Attributes,
    List<CredentialRepresentation>? Credentials,
    List<string>? RealmRoles,
    Dictionary<string, List<string>>? ClientRoles,
    List<string>? Groups,
    string? ServiceAccountClientId);

public sealed record CredentialRepresentation(string Type, string? Value, bool? Temporary);
