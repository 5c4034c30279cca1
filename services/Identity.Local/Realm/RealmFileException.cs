namespace ShopAuthDemo.Identity.Local.Realm;

/// <summary>The realm file asks for something the stand-in cannot do as Keycloak would.</summary>
public sealed class RealmFileException(string message, Exception? inner = null) : Exception(message, inner);
