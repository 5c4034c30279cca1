using System.Text.Json.Serialization;

namespace ShopAuthDemo.Identity.Local.Admin;

// Keycloak's admin API representations, the fields the stand-in has. Keycloak leaves out what is null.

/// <summary>A user; <see cref="Attributes"/> only in the full representation, and only those an admin may view.</summary>
public sealed record AdminUserRepresentation(
    string Id,
    string Username,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? FirstName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? LastName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email,
    bool EmailVerified,
    bool Enabled,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, IReadOnlyList<string>>? Attributes);

public sealed record AdminGroupRepresentation(
    string Id,
    string Name,
    string Path,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ParentId);

public sealed record AdminRoleRepresentation(
    string Id,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Description,
    bool Composite,
    bool ClientRole,
    string ContainerId);
