using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ShopAuthDemo.Identity.Local.Realm;

/// <summary>
/// Replaces <c>${NAME}</c> in every string of the realm file, as Keycloak does on import, so both
/// identity providers read the very same file. Values come from configuration (environment variables).
/// </summary>
public static partial class RealmPlaceholders
{
    // Keycloak mapper templates that look like placeholders but are resolved per token or per brokered sign-in
    // (the username template's ${ALIAS} and ${CLAIM.name}), not on import.
    private static readonly HashSet<string> MapperTemplates = ["client_id", "ALIAS"];

    public static bool IsMapperTemplate(string name) =>
        MapperTemplates.Contains(name) || name.StartsWith("CLAIM.", StringComparison.Ordinal);

    public static void Substitute(JsonNode? node, Func<string, string?> lookup, ISet<string> missing)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj.ToList()) Substitute(child, lookup, missing);
                break;
            case JsonArray array:
                foreach (var child in array.ToList()) Substitute(child, lookup, missing);
                break;
            case JsonValue value when value.TryGetValue(out string? text) && text.Contains("${"):
                value.ReplaceWith(JsonValue.Create(Replace(text, lookup, missing)));
                break;
        }
    }

    private static string Replace(string text, Func<string, string?> lookup, ISet<string> missing) =>
        Placeholder().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            if (IsMapperTemplate(name)) return match.Value;
            var value = lookup(name);
            if (string.IsNullOrEmpty(value)) missing.Add(name);
            return value ?? match.Value;
        });

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_.]*)\}")]
    private static partial Regex Placeholder();
}
