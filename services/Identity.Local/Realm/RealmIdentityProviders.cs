using ShopAuthDemo.Identity.Local.Federation;

namespace ShopAuthDemo.Identity.Local.Realm;

/// <summary>
/// The identity providers a realm brokers (<c>identityProviders</c>, their <c>identityProviderMappers</c> and
/// the first-broker-login flow they name), read with the rules Keycloak applies. The stand-in brokers OpenID
/// Connect only, the safe way only: code flow with PKCE S256, signatures checked against the provider's JWKS,
/// claims from the ID token. Anything else in the file is a start-up error, never a silent difference.
/// </summary>
public static class RealmIdentityProviders
{
    /// <summary>Keycloak's authenticator that creates the local user unless one with that username or email exists.</summary>
    public const string CreateUserIfUnique = "idp-create-user-if-unique";

    // Each key either means what the stand-in does, or must have the one value it does.
    private static readonly HashSet<string> ConfigKeys =
    [
        "clientId", "clientSecret", "authorizationUrl", "tokenUrl", "jwksUrl", "issuer", "logoutUrl", "defaultScope",
        "clientAuthMethod", "syncMode", "validateSignature", "useJwksUrl", "pkceEnabled", "pkceMethod", "disableUserInfo",
        "backchannelSupported", "sendIdTokenOnLogout", "sendClientIdOnLogout", "passMaxAge", "guiOrder",
    ];

    private static readonly Dictionary<string, string> RequiredValues = new()
    {
        ["validateSignature"] = "true",
        ["useJwksUrl"] = "true",
        ["pkceEnabled"] = "true",
        ["pkceMethod"] = "S256",
        // Claims come from the signed ID token only; a userinfo call would be a second, unsigned source.
        ["disableUserInfo"] = "true",
        // Logout there is a browser redirect (front channel), as for any identity provider on another site.
        ["backchannelSupported"] = "false",
    };

    public static IReadOnlyList<RealmIdentityProvider> Read(RealmRepresentation file, ISet<string> realmRoles, UserProfile profile,
        Action<bool, string> require)
    {
        var flows = (file.AuthenticationFlows ?? []).ToDictionary(f => f.Alias);
        var mappers = (file.IdentityProviderMappers ?? []).ToLookup(m => m.IdentityProviderAlias);
        var aliases = (file.IdentityProviders ?? []).Select(p => p.Alias).ToHashSet();
        foreach (var mapper in file.IdentityProviderMappers ?? [])
            require(aliases.Contains(mapper.IdentityProviderAlias),
                $"identityProviderMappers[{mapper.Name}]: no identity provider '{mapper.IdentityProviderAlias}'");
        var usedFlows = (file.IdentityProviders ?? []).Select(p => p.FirstBrokerLoginFlowAlias).ToHashSet();
        foreach (var flow in flows.Values)
        {
            require(usedFlows.Contains(flow.Alias),
                $"authenticationFlows[{flow.Alias}]: only a first-broker-login flow named by an identity provider is supported");
            RequireCreateUserIfUnique(flow, require);
        }

        return (file.IdentityProviders ?? [])
            .Where(p => p.Enabled is null or true)
            .Select(p => ToProvider(p, [.. mappers[p.Alias]], flows, realmRoles, profile, require))
            .ToList();
    }

    private static RealmIdentityProvider ToProvider(IdentityProviderRepresentation provider, List<IdentityProviderMapperRepresentation> mappers,
        Dictionary<string, AuthenticationFlowRepresentation> flows, ISet<string> realmRoles, UserProfile profile, Action<bool, string> require)
    {
        var where = $"identityProviders[{provider.Alias}]";
        var config = provider.Config ?? [];
        require(provider.ProviderId == "oidc", $"{where}: providerId '{provider.ProviderId}' (only oidc)");
        require(provider.LinkOnly is not true, $"{where}: linkOnly is not supported");
        require(provider.StoreToken is not true && provider.AddReadTokenRoleOnCreate is not true,
            $"{where}: storing the provider's tokens for applications (storeToken) is not supported");
        require(provider.PostBrokerLoginFlowAlias is null, $"{where}: postBrokerLoginFlowAlias is not supported");
        require(provider.FirstBrokerLoginFlowAlias is { } flow && flows.ContainsKey(flow),
            $"{where}: firstBrokerLoginFlowAlias must name a flow declared in authenticationFlows");
        foreach (var key in config.Keys)
            require(ConfigKeys.Contains(key), $"{where}.config.{key}: unknown or unsupported key");
        foreach (var (key, value) in RequiredValues)
            require(config.GetValueOrDefault(key) == value, $"{where}.config.{key} must be \"{value}\"");
        var authMethod = config.GetValueOrDefault("clientAuthMethod");
        require(authMethod is "client_secret_post" or "client_secret_basic",
            $"{where}.config.clientAuthMethod '{authMethod}' (client_secret_post or client_secret_basic)");
        var syncMode = config.GetValueOrDefault("syncMode") ?? "IMPORT";
        require(syncMode is "IMPORT" or "FORCE", $"{where}.config.syncMode '{syncMode}' (IMPORT or FORCE)");
        var logoutUrl = config.GetValueOrDefault("logoutUrl");
        require(logoutUrl is null || config.GetValueOrDefault("sendIdTokenOnLogout") == "true",
            $"{where}.config.sendIdTokenOnLogout must be \"true\" with a logoutUrl (the provider's session is ended by its ID token)");

        Uri Url(string key)
        {
            var value = config.GetValueOrDefault(key);
            require(Uri.TryCreate(value, UriKind.Absolute, out var uri), $"{where}.config.{key}: an absolute URL is required");
            return uri ?? new Uri("about:blank");
        }

        return new RealmIdentityProvider(
            provider.Alias,
            provider.DisplayName ?? provider.Alias,
            provider.TrustEmail ?? false,
            provider.HideOnLogin ?? false,
            ClientId: config.GetValueOrDefault("clientId") ?? Missing(where, "clientId", require),
            ClientSecret: config.GetValueOrDefault("clientSecret") ?? Missing(where, "clientSecret", require),
            AuthorizationUrl: Url("authorizationUrl"),
            TokenUrl: Url("tokenUrl"),
            JwksUrl: Url("jwksUrl"),
            Issuer: config.GetValueOrDefault("issuer") ?? Missing(where, "issuer", require),
            LogoutUrl: logoutUrl is null ? null : Url("logoutUrl"),
            Scope: config.GetValueOrDefault("defaultScope") ?? "openid",
            ClientSecretBasic: authMethod == "client_secret_basic",
            UpdateOnEverySignIn: syncMode == "FORCE",
            [.. mappers.Select(m => IdentityProviderMappers.Read(m, realmRoles, profile, require))]);
    }

    // The one first-broker-login flow reproduced: create the user when no local user has that username or email;
    // otherwise refuse. Linking to an existing account needs that account's owner to prove it (Keycloak's
    // "Handle Existing Account"), which the stand-in does not do: it never links by email alone.
    private static void RequireCreateUserIfUnique(AuthenticationFlowRepresentation flow, Action<bool, string> require)
    {
        var where = $"authenticationFlows[{flow.Alias}]";
        require(flow.ProviderId == "basic-flow" && flow.TopLevel is true && flow.BuiltIn is not true,
            $"{where}: must be a top-level basic-flow of your own");
        var executions = flow.AuthenticationExecutions ?? [];
        var found = string.Join(", ", executions.Select(e => $"{e.Requirement} {(e.AuthenticatorFlow is true ? "sub-flow" : e.Authenticator)}"));
        require(executions.Count == 1 && executions[0] is { Authenticator: CreateUserIfUnique, Requirement: "REQUIRED", AuthenticatorFlow: not true },
            $"{where}: has [{found}]; supported is one REQUIRED execution of {CreateUserIfUnique}");
    }

    private static string Missing(string where, string key, Action<bool, string> require)
    {
        require(false, $"{where}.config.{key} is missing");
        return "";
    }
}

/// <summary>An OpenID Connect provider the realm brokers, as the stand-in uses it.</summary>
/// <param name="UpdateOnEverySignIn">syncMode FORCE: mappers run at every sign-in; IMPORT: only when the user is created.</param>
public sealed record RealmIdentityProvider(
    string Alias,
    string DisplayName,
    bool TrustEmail,
    bool HideOnLogin,
    string ClientId,
    string ClientSecret,
    Uri AuthorizationUrl,
    Uri TokenUrl,
    Uri JwksUrl,
    string Issuer,
    Uri? LogoutUrl,
    string Scope,
    bool ClientSecretBasic,
    bool UpdateOnEverySignIn,
    IReadOnlyList<IdentityProviderMapper> Mappers);

