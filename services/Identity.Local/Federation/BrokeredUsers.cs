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
    private readonly Lock _firstSignIns = new();

    public RealmUser SignIn(RealmIdentityProvider provider, ExternalIdentity identity)
    {
        lock (_firstSignIns)   // two first sign-ins of one person at once must not make two users
        {
            if (_links.TryGetValue((provider.Alias, identity.Subject), out var userId) && realm.FindUserById(userId) is { } linked)
            {
                if (!provider.UpdateOnEverySignIn) return linked;
                var updated = Map(provider, identity, linked.Id, linked.Username);
                realm.SaveBrokeredUser(updated);
                return updated;
            }

            var username = Username(provider, identity);
            var user = Map(provider, identity, Guid.NewGuid().ToString(), username);
            // Never linked by a matching name or email alone: whoever controls the other provider could then take over
            // an account here. Keycloak asks the existing account's owner to confirm; the stand-in refuses.
            if (username.Length == 0)
                throw new BrokerSignInException($"the username template of {provider.Alias} gave an empty username");
            if (realm.FindPerson(username) is not null ||
                (user.Email is { } email && realm.Users.Any(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase))))
                throw new BrokerSignInException(
                    $"a local user named '{username}' or with email '{user.Email}' already exists; brokered sign-ins never link to it",
                    StatusCodes.Status409Conflict);
            realm.SaveBrokeredUser(user);
            _links[(provider.Alias, identity.Subject)] = user.Id;
            logger.LogInformation("First sign-in through {Alias}: created user {Sub} ({Username}) for {ExternalSub}",
                provider.Alias, user.Id, user.Username, identity.Subject);
            return user;
        }
    }

    private RealmUser Map(RealmIdentityProvider provider, ExternalIdentity identity, string id, string username)
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
        foreach (var mapper in provider.Mappers)
        {
            switch (mapper.Type)
            {
                case RealmIdentityProviders.AttributeImporter:
                    var attribute = mapper.Config["user.attribute"];
                    var value = identity.Claim(mapper.Config["claim"]);
                    if (UserProfile.RootAttributes.Contains(attribute)) fields[attribute] = value ?? fields.GetValueOrDefault(attribute);
                    else if (value is not null) attributes[attribute] = [value];
                    break;
                case RealmIdentityProviders.HardcodedRole:
                    roles.Add(mapper.Config["role"]);
                    break;
            }
        }
        return new RealmUser(id, username, Enabled: true, fields["email"],
            // The provider vouches for the email only where the realm says to trust it (trustEmail).
            EmailVerified: provider.TrustEmail && fields["email"] is not null,
            fields["firstName"], fields["lastName"], attributes, Password: null, [.. roles],
            new Dictionary<string, IReadOnlyList<string>>(), [], ServiceAccountClientId: null);
    }

    // Keycloak's username template: ${ALIAS}, ${CLAIM.name}; lower case, as Keycloak stores usernames.
    private static string Username(RealmIdentityProvider provider, ExternalIdentity identity)
    {
        var template = provider.Mappers.FirstOrDefault(m => m.Type == RealmIdentityProviders.UsernameTemplate)?.Config["template"];
        if (template is null) return LocalRealm.NormaliseLogin(identity.Username);
        var username = Placeholder().Replace(template, match => match.Groups["name"].Value switch
        {
            "ALIAS" => provider.Alias,
            var name when name.StartsWith("CLAIM.", StringComparison.Ordinal) => identity.Claim(name["CLAIM.".Length..]) ?? "",
            _ => "",
        });
        return LocalRealm.NormaliseLogin(username);
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z0-9_.]+)\}")]
    private static partial Regex Placeholder();
}
