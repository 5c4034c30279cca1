using System.Text.Json;

namespace ShopAuthDemo.ServiceDefaults.Authentication;

// realm_access and every entry of resource_access share one shape: { "roles": ["a", "b"] }.
internal static class RolesObject
{
    // Anything but that shape yields no roles: a surprising token must end in 401/403, not a 500.
    public static IReadOnlyList<string> Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("roles", out var roles)
            || roles.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return roles.EnumerateArray()
            .Where(role => role.ValueKind == JsonValueKind.String)
            .Select(role => role.GetString()!)
            .Where(role => !string.IsNullOrWhiteSpace(role))
            .ToList();
    }
}
