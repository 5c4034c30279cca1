using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShopAuthDemo.Identity.Local.Realm;

/// <summary>
/// The realm's declarative user profile (always on since Keycloak 24): the user attributes that exist. With
/// the unmanaged-attribute policy off (its default), Keycloak keeps no other attribute of an imported user, so
/// a country written in the file but not declared here would silently never reach a token, userinfo or the
/// admin API. The stand-in refuses such a file instead, naming the attribute.
/// </summary>
public sealed class UserProfile
{
    public const string ProviderType = "org.keycloak.userprofile.UserProfileProvider";
    public const string ProviderId = "declarative-user-profile";
    public const string ConfigKey = "kc.user.profile.config";

    /// <summary>Attributes Keycloak stores as user fields, not in the attributes map.</summary>
    public static readonly IReadOnlySet<string> RootAttributes =
        new HashSet<string> { "username", "email", "firstName", "lastName" };

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Dictionary<string, UserProfileAttributeConfig> _attributes;

    private UserProfile(IEnumerable<UserProfileAttributeConfig> attributes) =>
        _attributes = attributes.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>Keycloak's profile for a realm that declares none: the four root attributes, all but username required.</summary>
    public static UserProfile Default { get; } = new(RootAttributes.Select(name => new UserProfileAttributeConfig(
        name, null, null, null, name == "username" ? null : new(["user"], null), new(["admin", "user"], ["admin", "user"]), null, null, false)));

    public bool Declares(string name) => _attributes.ContainsKey(name);

    public bool IsMultivalued(string name) => _attributes.GetValueOrDefault(name)?.Multivalued is true;

    /// <summary>The admin API shows an attribute only to those its permissions let view it (edit implies view).</summary>
    public bool AdminMayView(string name) =>
        _attributes.GetValueOrDefault(name)?.Permissions is { } p && (p.View ?? []).Concat(p.Edit ?? []).Contains("admin");

    /// <summary>Attributes a person must have: Keycloak would stop their sign-in with a form to fill them in.</summary>
    public IEnumerable<string> RequiredForUsers =>
        _attributes.Values.Where(a => a.Required is { } r && (r.Roles is null or [] || r.Roles.Contains("user"))).Select(a => a.Name);

    public static UserProfile From(Dictionary<string, List<ComponentRepresentation>>? components, Action<bool, string> require)
    {
        foreach (var type in (components ?? []).Keys.Where(t => t != ProviderType))
            require(false, $"components.{type}: not supported (only the user profile, {ProviderType})");
        if (components?.GetValueOrDefault(ProviderType) is not { Count: > 0 } profiles) return Default;

        var where = $"components.{ProviderType}";
        require(profiles.Count == 1, $"{where}: one user profile component, not {profiles.Count}");
        var component = profiles[0];
        require(component.ProviderId == ProviderId, $"{where}: providerId '{component.ProviderId}' (only {ProviderId})");
        require(component.SubComponents is null or { Count: 0 }, $"{where}: subComponents are not supported");
        foreach (var key in (component.Config ?? []).Keys.Where(k => k != ConfigKey))
            require(false, $"{where}.config.{key}: unknown config key (only {ConfigKey})");
        if (component.Config?.GetValueOrDefault(ConfigKey) is not [var json])
        {
            require(false, $"{where}.config.{ConfigKey}: one JSON string expected");
            return Default;
        }
        return Parse(json, $"{where}.config.{ConfigKey}", require);
    }

    private static UserProfile Parse(string json, string where, Action<bool, string> require)
    {
        UserProfileConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<UserProfileConfig>(json, Options);
        }
        catch (JsonException ex)
        {
            require(false, $"{where}: '{ex.Path}' is not supported ({ex.Message})");
            return Default;
        }
        if (config?.Attributes is not { } attributes)
        {
            require(false, $"{where}: no attributes");
            return Default;
        }

        // Keycloak refuses a profile without these two: sign-in and account linking rely on them.
        foreach (var name in new[] { "username", "email" })
            require(attributes.Any(a => a.Name == name), $"{where}: the '{name}' attribute must be declared");
        foreach (var duplicate in attributes.GroupBy(a => a.Name).Where(g => g.Count() > 1))
            require(false, $"{where}: attribute '{duplicate.Key}' is declared twice");
        var groups = (config.Groups ?? []).Select(g => g.Name).ToHashSet();
        foreach (var attribute in attributes.Where(a => a.Group is not null))
            require(groups.Contains(attribute.Group!), $"{where}: attribute '{attribute.Name}' names group '{attribute.Group}', which is not declared");
        foreach (var attribute in attributes.Where(a => a.Required?.Scopes is { Count: > 0 }))
            require(false, $"{where}: attribute '{attribute.Name}' is required only for some scopes (not supported)");
        // Undeclared attributes would then be kept and shown: the stand-in keeps to declared ones.
        require(config.UnmanagedAttributePolicy is null,
            $"{where}: unmanagedAttributePolicy '{config.UnmanagedAttributePolicy}' is not supported (declare each attribute instead)");

        return new UserProfile(attributes.DistinctBy(a => a.Name));
    }
}
