using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd.CatalogApi;

public sealed class CatalogApiWithLocalIdentityTests(LocalIdentityAppHost appHost) : CatalogApiBehaviour(appHost);
