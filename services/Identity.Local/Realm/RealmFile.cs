using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ShopAuthDemo.Identity.Local.Realm;

/// <summary>Reads the Keycloak realm-import file the AppHost also gives Keycloak.</summary>
public static class RealmFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // A property we do not model is something Keycloak would act on and we would not: refuse it.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Disallow,
    };

    /// <param name="lookup">Resolves a <c>${NAME}</c> placeholder (Keycloak reads environment variables).</param>
    public static LocalRealm Load(string path, Func<string, string?> lookup)
    {
        if (!File.Exists(path))
            throw new RealmFileException($"Realm file not found: '{path}'. Set Realm:File to the path of shop-realm.json.");

        return Parse(File.ReadAllText(path), lookup, path);
    }

    public static LocalRealm Parse(string json, Func<string, string?> lookup, string source = "realm file")
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new RealmFileException($"{source} is not valid JSON: {ex.Message}", ex);
        }

        var missing = new SortedSet<string>(StringComparer.Ordinal);
        RealmPlaceholders.Substitute(document, lookup, missing);
        if (missing.Count > 0)
            throw new RealmFileException(
                $"{source} uses placeholders with no value: {string.Join(", ", missing.Select(m => "${" + m + "}"))}. " +
                "The AppHost supplies them as environment variables.");

        RealmRepresentation? representation;
        try
        {
            representation = document.Deserialize<RealmRepresentation>(Options);
        }
        catch (JsonException ex)
        {
            throw new RealmFileException(
                $"{source}: '{ex.Path}' is not supported by the local identity provider ({ex.Message}).", ex);
        }

        if (representation is null) throw new RealmFileException($"{source} is empty.");
        return RealmMapping.ToRealm(representation, source);
    }
}
