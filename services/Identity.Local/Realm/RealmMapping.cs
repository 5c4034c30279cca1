namespace ShopAuthDemo.Identity.Local.Realm;

/// <summary>
/// Turns the file's representation into the realm the stand-in serves, collecting every construct it
/// cannot reproduce faithfully so start-up fails once, naming them all.
/// </summary>
internal static class RealmMapping
{
    private static readonly HashSet<string> ClientAttributes =
    [
        "pkce.code.challenge.method", "post.logout.redirect.uris", "backchannel.logout.url",
        "backchannel.logout.session.required", "backchannel.logout.revoke.offline.tokens",
        "standard.token.exchange.enabled", "access.token.lifespan",
    ];

    private static readonly HashSet<string> ScopeAttributes =
        ["include.in.token.scope", "display.on.consent.screen", "consent.screen.text", "gui.order"];

    // Keycloak stores events of these types (EventType); the stand-in writes the same moments to its log.
    private static readonly HashSet<string> EventTypes =
    [
        "LOGIN", "LOGIN_ERROR", "LOGOUT", "LOGOUT_ERROR", "CODE_TO_TOKEN", "CODE_TO_TOKEN_ERROR",
        "CLIENT_LOGIN", "CLIENT_LOGIN_ERROR", "REFRESH_TOKEN", "REFRESH_TOKEN_ERROR", "TOKEN_EXCHANGE", "TOKEN_EXCHANGE_ERROR",
    ];

    public static LocalRealm ToRealm(RealmRepresentation file, string source)
    {
        var problems = new List<string>();
        void Require(bool ok, string problem) { if (!ok) problems.Add(problem); }

        Require(file.Enabled, "the realm is not enabled");
        Require(file.RefreshTokenMaxReuse is null or 0, "refreshTokenMaxReuse other than 0 is not supported");
        Require(file.RevokeRefreshToken is null or true, "revokeRefreshToken false is not supported (refresh tokens are single use)");
        foreach (var type in file.EnabledEventTypes ?? [])
            Require(EventTypes.Contains(type), $"enabledEventTypes: '{type}' is not an event type the local identity provider knows");
        var bruteForce = BruteForceDetection.From(file, Require);
        var passwordPolicy = PasswordPolicy.Parse(file.PasswordPolicy, Require);

        var realmRoles = (file.Roles?.Realm ?? []).Select(r => r.Name).ToHashSet();
        var clientRoles = (file.Roles?.Client ?? []).ToDictionary(p => p.Key, p => p.Value.Select(r => r.Name).ToHashSet());
        var clientIds = (file.Clients ?? []).Select(c => c.ClientId).ToHashSet();
        foreach (var roleClient in clientRoles.Keys)
            Require(clientIds.Contains(roleClient), $"roles.client.{roleClient}: no such client");
        AddRealmManagement(clientIds, clientRoles, Require);

        var profile = UserProfile.From(file.Components, Require);
        var groups = RealmGroups.Read(file.Groups, file.Realm, Require);
        var scopeNames = (file.ClientScopes ?? []).Select(s => s.Name).ToHashSet();
        var roleScopes = RoleScopeMappings.Read(file, realmRoles, clientRoles, clientIds, scopeNames, Require);

        var scopes = (file.ClientScopes ?? []).Select(s => ToScope(s, clientIds, profile, roleScopes, Require)).ToList();

        var clients = (file.Clients ?? [])
            .Where(c => c.Enabled is null or true)
            .Select(c => ToClient(c, file, scopeNames, roleScopes.ForClient(c.ClientId, clientRoles.GetValueOrDefault(c.ClientId) ?? []), Require))
            .ToList();

        var identityProviders = RealmIdentityProviders.Read(file, realmRoles, profile, Require);

        var users = (file.Users ?? [])
            .Select(u => UserMapping.ToUser(u, file.Realm, realmRoles, clientRoles, clients, groups, profile, Require))
            .ToList();
        foreach (var user in users)
            if (user.Password is { } password && passwordPolicy.BrokenRule(password, user) is { } rule)
                Require(false, $"users[{user.Username}]: the password breaks passwordPolicy rule '{rule}' (Keycloak's import fails on it)");

        if (problems.Count > 0)
            throw new RealmFileException(
                $"{source} uses what the local identity provider cannot reproduce as Keycloak would:" +
                Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p)));

        var settings = new RealmSettings(
            StableIds.For(file.Realm, "realm"),
            file.Realm,
            file.DisplayName ?? file.Realm,
            Seconds(file.AccessTokenLifespan, 300),
            Seconds(file.SsoSessionIdleTimeout, 1800),
            Seconds(file.SsoSessionMaxLifespan, 36000),
            file.LoginWithEmailAllowed ?? true,
            bruteForce);
        var roles = (file.Roles?.Realm ?? []).Select(r => new RealmRole(StableIds.For(file.Realm, "role/" + r.Name), r.Name, r.Description));
        return new LocalRealm(settings, clients, scopes, [.. roles], groups, profile, users, identityProviders);
    }

    // Keycloak creates realm-management with its roles unless the file declares that client (then the file's
    // version replaces the built-in one); the stand-in has only the built-in one.
    private static void AddRealmManagement(HashSet<string> clientIds, Dictionary<string, HashSet<string>> clientRoles,
        Action<bool, string> require)
    {
        const string id = RealmManagementClient.ClientId;
        require(!clientIds.Contains(id), $"clients[{id}]: declaring Keycloak's built-in client is not supported");
        require(!clientRoles.ContainsKey(id), $"roles.client.{id}: Keycloak defines these roles itself; declaring them is not supported");
        clientIds.Add(id);
        clientRoles[id] = [.. RealmManagementClient.Roles];
    }

    private static RealmClientScope ToScope(ClientScopeRepresentation scope, ISet<string> clientIds, UserProfile profile,
        RoleScopeMappings roleScopes, Action<bool, string> require)
    {
        var where = $"clientScopes[{scope.Name}]";
        require(scope.Protocol is null or "openid-connect", $"{where}: protocol '{scope.Protocol}' (only openid-connect)");
        foreach (var key in (scope.Attributes ?? []).Keys)
            require(ScopeAttributes.Contains(key), $"{where}.attributes.{key}: unknown attribute");

        var mappers = (scope.ProtocolMappers ?? []).Select(m => ToMapper(m, where, clientIds, profile, require)).ToList();
        var include = scope.Attributes?.GetValueOrDefault("include.in.token.scope") ?? "true";
        return new RealmClientScope(scope.Name, IsTrue(include), mappers, roleScopes.ForClientScope(scope.Name));
    }

    private static ClaimMapper ToMapper(ProtocolMapperRepresentation mapper, string owner, ISet<string> clientIds, UserProfile profile,
        Action<bool, string> require)
    {
        var where = $"{owner}.protocolMappers[{mapper.Name}]";
        var config = mapper.Config ?? [];
        if (!SupportedMappers.ConfigKeys.TryGetValue(mapper.ProtocolMapper, out var keys))
        {
            require(false, $"{where}: mapper type '{mapper.ProtocolMapper}' is not supported");
        }
        else
        {
            foreach (var key in config.Keys)
                require(keys.Contains(key), $"{where}.config.{key}: unknown config key for {mapper.ProtocolMapper}");
        }

        var attribute = config.GetValueOrDefault("user.attribute");
        if (mapper.ProtocolMapper == SupportedMappers.UserProperty)
            require(attribute is not null && SupportedMappers.UserFields.Contains(attribute),
                $"{where}: user.attribute '{attribute}' (supported: {string.Join(", ", SupportedMappers.UserFields)})");
        if (mapper.ProtocolMapper == SupportedMappers.UserAttribute && !SupportedMappers.UserFields.Contains(attribute ?? ""))
        {
            // An attribute the user profile does not declare is never kept, so the mapper would never write a claim.
            require(attribute is not null && profile.Declares(attribute),
                $"{where}: user.attribute '{attribute}' is neither a user field nor declared in the user profile");
            // The stand-in writes attribute values as text, which Keycloak does only with jsonType String.
            require(config.GetValueOrDefault("jsonType.label") is null or "String", $"{where}: jsonType.label other than String is not supported");
        }
        // Keycloak's group mapper writes its claim name as it is, where other mappers read dots as nesting.
        if (mapper.ProtocolMapper == SupportedMappers.GroupMembership)
            require(config.GetValueOrDefault("claim.name")?.Contains('.') is not true, $"{where}: a claim name with dots is not supported");
        if (mapper.ProtocolMapper is SupportedMappers.UserAttribute or SupportedMappers.UserProperty or SupportedMappers.RealmRoles
            or SupportedMappers.ClientRoles or SupportedMappers.GroupMembership)
            require(config.ContainsKey("claim.name"), $"{where}: claim.name is missing");
        if (mapper.ProtocolMapper == SupportedMappers.UserSessionNote)
        {
            var note = config.GetValueOrDefault("user.session.note");
            require(note is not null && SupportedMappers.SessionNotes.Contains(note),
                $"{where}: user.session.note '{note}' (supported: {string.Join(", ", SupportedMappers.SessionNotes)})");
            require(config.ContainsKey("claim.name"), $"{where}: claim.name is missing");
        }
        if (mapper.ProtocolMapper == SupportedMappers.Audience)
        {
            var audience = config.GetValueOrDefault("included.client.audience");
            require(audience is null || clientIds.Contains(audience), $"{where}: audience client '{audience}' does not exist");
            require(audience is not null || config.ContainsKey("included.custom.audience"), $"{where}: names no audience");
        }

        return new ClaimMapper(mapper.Name, mapper.ProtocolMapper, config,
            InAccessToken: IsTrue(config.GetValueOrDefault("access.token.claim")),
            InIdToken: IsTrue(config.GetValueOrDefault("id.token.claim")),
            InUserInfo: IsTrue(config.GetValueOrDefault("userinfo.token.claim")));
    }

    private static RealmClient ToClient(ClientRepresentation c, RealmRepresentation file, ISet<string> scopeNames,
        RoleScope roleScope, Action<bool, string> require)
    {
        var where = $"clients[{c.ClientId}]";
        var attributes = c.Attributes ?? [];
        var isPublic = c.PublicClient ?? false;
        var bearerOnly = c.BearerOnly ?? false;

        require(c.Protocol is null or "openid-connect", $"{where}: protocol '{c.Protocol}' (only openid-connect)");
        require(isPublic || bearerOnly || c.ClientAuthenticatorType is null or "client-secret",
            $"{where}: clientAuthenticatorType '{c.ClientAuthenticatorType}' (only client-secret)");
        require(isPublic || bearerOnly || !string.IsNullOrEmpty(c.Secret), $"{where}: a confidential client needs a secret");
        require(c.ImplicitFlowEnabled is not true, $"{where}: the implicit flow is not supported");
        require(c.DirectAccessGrantsEnabled is not true, $"{where}: direct access grants (password grant) are not supported");
        require(c.FrontchannelLogout is not true, $"{where}: front-channel logout is not supported (back-channel only)");
        require(c.ConsentRequired is not true, $"{where}: consent screens are not supported");
        foreach (var key in attributes.Keys)
            require(ClientAttributes.Contains(key), $"{where}.attributes.{key}: unknown attribute");

        var pkce = attributes.GetValueOrDefault("pkce.code.challenge.method");
        require(pkce is null or "" or "S256", $"{where}: PKCE method '{pkce}' (only S256)");

        var redirectUris = c.RedirectUris ?? [];
        foreach (var uri in redirectUris)
            require(!uri.Contains('*') && Uri.IsWellFormedUriString(uri, UriKind.Absolute),
                $"{where}: redirect URI '{uri}' must be absolute and exact (wildcards are not supported)");

        var postLogout = (attributes.GetValueOrDefault("post.logout.redirect.uris") ?? "")
            .Split("##", StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(uri => uri == "+" ? redirectUris : [uri])
            .ToList();
        foreach (var uri in postLogout)
            require(!uri.Contains('*'), $"{where}: post-logout redirect URI '{uri}' must be exact");

        var defaults = c.DefaultClientScopes ?? file.DefaultDefaultClientScopes ?? [];
        var optional = c.OptionalClientScopes ?? file.DefaultOptionalClientScopes ?? [];
        foreach (var scope in defaults.Concat(optional))
            require(scopeNames.Contains(scope), $"{where}: scope '{scope}' is not declared in clientScopes");

        var lifespan = attributes.GetValueOrDefault("access.token.lifespan");
        require(lifespan is null || int.TryParse(lifespan, out _), $"{where}: access.token.lifespan '{lifespan}' is not seconds");

        return new RealmClient(
            c.ClientId,
            c.Name ?? c.ClientId,
            isPublic,
            bearerOnly,
            c.Secret,
            StandardFlowEnabled: !bearerOnly && (c.StandardFlowEnabled ?? true),
            ServiceAccountsEnabled: !bearerOnly && (c.ServiceAccountsEnabled ?? false),
            StandardTokenExchangeEnabled: IsTrue(attributes.GetValueOrDefault("standard.token.exchange.enabled")),
            RequirePkceS256: pkce == "S256",
            redirectUris,
            postLogout,
            BackchannelLogoutUrl: attributes.GetValueOrDefault("backchannel.logout.url") is { Length: > 0 } url ? url : null,
            BackchannelLogoutSessionRequired: IsTrue(attributes.GetValueOrDefault("backchannel.logout.session.required") ?? "true"),
            c.WebOrigins ?? [],
            lifespan is null ? null : TimeSpan.FromSeconds(int.Parse(lifespan)),
            defaults,
            optional,
            // Keycloak's default on import (without consent): every role of the user reaches the token.
            FullScopeAllowed: c.FullScopeAllowed ?? true,
            roleScope);
    }

    private static TimeSpan Seconds(int? value, int fallback) => TimeSpan.FromSeconds(value ?? fallback);

    private static bool IsTrue(string? value) => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase);
}
