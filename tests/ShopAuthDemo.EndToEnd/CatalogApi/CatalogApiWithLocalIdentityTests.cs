using ShopAuthDemo.EndToEnd.Infrastructure;

namespace ShopAuthDemo.EndToEnd.CatalogApi;

public sealed class CatalogApiWithLocalIdentityTests(LocalIdentityAppHost appHost) : CatalogApiBehaviour(appHost);
