using System.Text.RegularExpressions;
using ShopAuthDemo.Identity.Local.Realm;

namespace ShopAuthDemo.Identity.Local.Federation;

/// <summary>
/// Keycloak's identity-provider mappers the stand-in applies: what a brokered sign-in writes into the local user.
/// A claim importer copies what the provider asserts; a hard-coded mapper pins a value the provider cannot change.
/// </summary>
public static partial class IdentityProviderMappers
{
    public const string AttributeImporter = "oidc-user-attribute-idp-mapper";
    public const string HardcodedAttribute = "hardcoded-attribute-idp-mapper";
    public const string HardcodedRole = "oidc-hardcoded-role-idp-mapper";
    public const string UsernameTemplate = "oidc-username-idp-mapper";

    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> ConfigKeys = new Dictionary<string, IReadOnlySet<string>>
    {
        [AttributeImporter] = new HashSet<string> { "syncMode", "claim", "user.attribute" },
        [HardcodedAttribute] = new HashSet<string> { "syncMode", "attribute", "attribute.value" },
        [HardcodedRole] = new HashSet<string> { "syncMode", "role" },
        [UsernameTemplate] = new HashSet<string> { "syncMode", "template", "target" },
    };

    /// <summary>A mapper from the realm file, checked: an unknown type, key or target is a start-up error.</summary>
    internal static IdentityProviderMapper Read(IdentityProviderMapperRepresentation mapper, ISet<string> realmRoles, UserProfile profile,
        Action<bool, string> require)
    {
        var where = $"identityProviderMappers[{mapper.Name}]";
        var config = mapper.Config ?? [];
        if (!ConfigKeys.TryGetValue(mapper.IdentityProviderMapper, out var keys))
        {
            require(false, $"{where}: mapper type '{mapper.IdentityProviderMapper}' is not supported");
            return new IdentityProviderMapper(mapper.Name, mapper.IdentityProviderMapper, config);
        }
        foreach (var key in config.Keys)
            require(keys.Contains(key), $"{where}.config.{key}: unknown config key for {mapper.IdentityProviderMapper}");
        require(config.GetValueOrDefault("syncMode") is null or "INHERIT", $"{where}.config.syncMode (only INHERIT: the provider's own)");

        // Since Keycloak 24 an attribute the user profile does not declare is dropped: the mapper would do nothing.
        void RequireDeclared(string? attribute) =>
            require(attribute is not null && (UserProfile.RootAttributes.Contains(attribute) || profile.Declares(attribute)),
                $"{where}: attribute '{attribute}' is neither a user field nor declared in the user profile");
        switch (mapper.IdentityProviderMapper)
        {
            case AttributeImporter:
                require(config.ContainsKey("claim"), $"{where}: claim is missing");
                RequireDeclared(config.GetValueOrDefault("user.attribute"));
                break;
            case HardcodedAttribute:
                require(config.ContainsKey("attribute.value"), $"{where}: attribute.value is missing");
                RequireDeclared(config.GetValueOrDefault("attribute"));
                break;
            case HardcodedRole:
                var role = config.GetValueOrDefault("role");
                require(role is not null && realmRoles.Contains(role), $"{where}: role '{role}' is not a realm role");
                break;
            case UsernameTemplate:
                require(config.GetValueOrDefault("target") is null or "LOCAL", $"{where}.config.target (only LOCAL)");
                var template = config.GetValueOrDefault("template") ?? "";
                // Keycloak's transformers (${CLAIM.x | lowercase}) and nested claims would stay literal text here.
                require(template.Length > 0 && AnyPlaceholder().Matches(template).All(m => TemplatePlaceholder().IsMatch(m.Value)),
                    $"{where}: template '{template}' (supported: text, ${{ALIAS}} and ${{CLAIM.name}})");
                break;
        }
        return new IdentityProviderMapper(mapper.Name, mapper.IdentityProviderMapper, config);
    }

    [GeneratedRegex(@"\$\{[^}]*\}")]
    private static partial Regex AnyPlaceholder();

    [GeneratedRegex(@"^\$\{(ALIAS|CLAIM\.[A-Za-z0-9_]+)\}$")]
    internal static partial Regex TemplatePlaceholder();
}

public sealed record IdentityProviderMapper(string Name, string Type, IReadOnlyDictionary<string, string> Config);
