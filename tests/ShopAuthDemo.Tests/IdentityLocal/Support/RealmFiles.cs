using System.Text.Json.Nodes;

namespace ShopAuthDemo.Tests.IdentityLocal.Support;

public static class RealmFiles
{
    /// <summary>The realm file the AppHost gives Keycloak and Identity.Local, copied next to the tests.</summary>
    public static string Shop => Path.Combine(AppContext.BaseDirectory, "Realms", "shop-realm.json");

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
