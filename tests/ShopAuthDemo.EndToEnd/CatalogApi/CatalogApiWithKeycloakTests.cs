using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd.CatalogApi;

/// <summary>Reported as skipped, with the reason, where no container runtime answers.</summary>
[Collection(nameof(KeycloakAppHost))]
public sealed class CatalogApiWithKeycloakTests(KeycloakAppHost appHost) : CatalogApiBehaviour(appHost);
