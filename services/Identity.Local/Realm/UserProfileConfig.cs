using System.Text.Json.Nodes;

namespace ShopAuthDemo.Identity.Local.Realm;

// The JSON Keycloak keeps in the user-profile component's "kc.user.profile.config" (its UPConfig), as the
// admin console exports it. Any other property fails the load, as everywhere in the realm file.

public sealed record UserProfileConfig(
    List<UserProfileAttributeConfig> Attributes,
    List<UserProfileGroupConfig>? Groups,
    string? UnmanagedAttributePolicy);

/// <summary>
/// One declared attribute. Validations, annotations and the selector shape Keycloak's forms (registration,
/// account console, update profile); the stand-in has none of those forms, and Keycloak does not validate
/// imported users against them, so they are read and kept out of the way.
/// </summary>
public sealed record UserProfileAttributeConfig(
    string Name,
    string? DisplayName,
    Dictionary<string, JsonObject>? Validations,
    Dictionary<string, JsonNode?>? Annotations,
    UserProfileRequired? Required,
    UserProfilePermissions? Permissions,
    UserProfileSelector? Selector,
    string? Group,
    bool? Multivalued);

/// <summary>Who must fill the attribute in: <c>user</c> (at sign-in) and/or <c>admin</c>; scopes narrow it.</summary>
public sealed record UserProfileRequired(List<string>? Roles, List<string>? Scopes);

/// <summary>Who may see and change the attribute: <c>admin</c> and/or <c>user</c> (the user it belongs to).</summary>
public sealed record UserProfilePermissions(List<string>? View, List<string>? Edit);

public sealed record UserProfileSelector(List<string>? Scopes);

public sealed record UserProfileGroupConfig(
    string Name,
    string? DisplayHeader,
    string? DisplayDescription,
    Dictionary<string, JsonNode?>? Annotations);
