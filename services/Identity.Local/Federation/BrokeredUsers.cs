using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ShopAuthDemo.Identity.Local.Realm;

namespace ShopAuthDemo.Identity.Local.Federation;

/// <summary>
/// The local user behind an external identity: the link (provider alias + the provider's <c>sub</c>) found again
/// at every later sign-in, so the user keeps one <c>sub</c> here; or, at the first sign-in, a new user made by the
/// provider's mappers (Keycloak's first broker login with "create user if unique").
/// </summary>
public sealed partial class BrokeredUsers(LocalRealm realm, ILogger<BrokeredUsers> logger)
{
    private readonly ConcurrentDictionary<(string Alias, string ExternalSubject), string> _links = new();
    private readonly Lock _signIns = new();

    public RealmUser SignIn(RealmIdentityProvider provider, ExternalIdentity identity)
    {
        lock (_signIns)   // two first sign-ins of one person at once must not make two users
        {
            if (_links.TryGetValue((provider.Alias, identity.Subject), out var userId) && realm.FindUserById(userId) is { } linked)
            {
                if (!provider.UpdateOnEverySignIn) return linked;
                // What the provider says now (syncMode FORCE), under the same rules as at creation: it cannot move
                // its user onto another user's email later, where it could not at the start.
                var updated = Map(provider, identity, linked.Id, linked.Username);
                RequireUnique(provider, updated);
                realm.SaveBrokeredUser(updated);
                return updated;
            }

            var user = Map(provider, identity, Guid.NewGuid().ToString(), Username(provider, identity));
            // Never linked by a matching name or email alone: whoever controls the other provider could then take over
            // an account here. (Keycloak's "Handle Existing Account" asks the owner to prove it; this realm's flow has
            // only "create user if unique", so Keycloak refuses such a first sign-in as well.)
            RequireUnique(provider, user);
            realm.SaveBrokeredUser(user);
            _links[(provider.Alias, identity.Subject)] = user.Id;
            logger.LogInformation("First sign-in through {Alias}: created user {Sub} ({Username}) for {ExternalSub}",
                provider.Alias, user.Id, user.Username, identity.Subject);
            return user;
        }
    }

    // Keycloak's rules for a username (the realm's user profile: 3–255 characters, no spaces, slashes or control
    // characters) in their strictest common form: whatever the provider sends ends up in every token.
    private static void RequireValidUsername(RealmIdentityProvider provider, string username)
    {
        if (!ValidUsername().IsMatch(username))
            throw new BrokerSignInException($"the username '{username[..Math.Min(username.Length, 64)]}' from {provider.Alias} is not a valid username",
                StatusCodes.Status400BadRequest);
    }

    private void RequireUnique(RealmIdentityProvider provider, RealmUser user)
    {
        RequireValidUsername(provider, user.Username);
        var others = realm.Users.Where(u => u.Id != user.Id).ToList();
        // Every user counts here, service accounts included: a template without ${ALIAS} could otherwise mint one's name.
        if (others.Any(u => LocalRealm.NormaliseLogin(u.Username) == user.Username) ||
            (user.Email is { } email && others.Any(u => u.Email is { } taken && LocalRealm.NormaliseLogin(taken) == email)))
            throw new BrokerSignInException(
                $"a local user named '{user.Username}' or with that email already exists; brokered sign-ins never link to it",
                StatusCodes.Status409Conflict);
    }

    private static RealmUser Map(RealmIdentityProvider provider, ExternalIdentity identity, string id, string username)
    {
        var fields = new Dictionary<string, string?>
        {
            // What Keycloak's OIDC broker imports without any mapper; attribute importers below may override it.
            ["email"] = identity.Claim("email"),
            ["firstName"] = identity.Claim("given_name"),
            ["lastName"] = identity.Claim("family_name"),
        };
        var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        void Set(string attribute, string? value)
        {
            if (UserProfile.RootAttributes.Contains(attribute)) fields[attribute] = value ?? fields.GetValueOrDefault(attribute);
            else if (value is not null) attributes[attribute] = [Bounded(value)!];
        }
        foreach (var mapper in provider.Mappers)
        {
            switch (mapper.Type)
            {
                case IdentityProviderMappers.AttributeImporter:
                    Set(mapper.Config["user.attribute"], identity.Claim(mapper.Config["claim"]));
                    break;
                case IdentityProviderMappers.HardcodedAttribute:
                    Set(mapper.Config["attribute"], mapper.Config["attribute.value"]);
                    break;
                case IdentityProviderMappers.HardcodedRole:
                    roles.Add(mapper.Config["role"]);
                    break;
            }
        }
        // Stored as Keycloak stores it: trimmed, lower case, so "Alice@Shop.example " is alice's address too.
        var email = fields["email"] is { } sent ? LocalRealm.NormaliseLogin(sent) : null;
        return new RealmUser(id, username, Enabled: true, email,
            // The provider vouches for the email only where the realm says to trust it (trustEmail).
            EmailVerified: provider.TrustEmail && email is not null,
            Bounded(fields["firstName"]), Bounded(fields["lastName"]), attributes, Password: null, [.. roles],
            new Dictionary<string, IReadOnlyList<string>>(), [], ServiceAccountClientId: null);
    }

    // The user profile's length limit for names and attributes.
    private static string? Bounded(string? value) => value is { Length: > 255 } ? value[..255] : value;

    // Keycloak's username template: ${ALIAS}, ${CLAIM.name} (checked at start-up); lower case, as Keycloak stores usernames.
    private static string Username(RealmIdentityProvider provider, ExternalIdentity identity)
    {
        var template = provider.Mappers.FirstOrDefault(m => m.Type == IdentityProviderMappers.UsernameTemplate)?.Config["template"];
        if (template is null) return LocalRealm.NormaliseLogin(identity.Username);
        var username = Placeholder().Replace(template, match => match.Groups["name"].Value switch
        {
            "ALIAS" => provider.Alias,
            var name => identity.Claim(name["CLAIM.".Length..]) ?? "",
        });
        return LocalRealm.NormaliseLogin(username);
    }

    [GeneratedRegex(@"\$\{(?<name>ALIAS|CLAIM\.[A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^[a-z0-9._@-]{3,255}$")]
    private static partial Regex ValidUsername();
}
