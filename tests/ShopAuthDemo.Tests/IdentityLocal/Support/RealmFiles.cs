using System.Text.Json.Nodes;

namespace ShopAuthDemo.Tests.IdentityLocal.Support;

public static class RealmFiles
{
    /// <summary>The realm file the AppHost gives Keycloak and Identity.Local, copied next to the tests.</summary>
    public static string Shop => Path.Combine(AppContext.BaseDirectory, "Realms", "shop-realm.json");

    /// <summary>Realm northwind, the identity provider realm shop brokers (Federation tests).</summary>
    public static string Northwind => Path.Combine(AppContext.BaseDirectory, "Realms", "northwind-realm.json");

    /// <summary>A recognisable value for each placeholder: URLs for *_URL, text for the rest.</summary>
    public static string TestValue(string name) =>
        name.EndsWith("_URL", StringComparison.Ordinal) ? $"http://{name.ToLowerInvariant().Replace('_', '-')}.test"
        : name.EndsWith("_LIFESPAN", StringComparison.Ordinal) ? "300"
        : $"value-of-{name}";

    public static JsonObject LoadShop() => JsonNode.Parse(File.ReadAllText(Shop))!.AsObject();

    /// <summary>Writes a variant of the shop realm to a temporary file and returns its path.</summary>
    public static string WriteVariant(Action<JsonObject> change)
    {
        var realm = LoadShop();
        change(realm);
        var path = Path.Combine(Path.GetTempPath(), $"realm-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, realm.ToJsonString());
        return path;
    }
}
