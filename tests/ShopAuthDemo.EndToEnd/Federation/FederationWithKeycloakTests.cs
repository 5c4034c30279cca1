using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd.Federation;

/// <summary>Realm northwind imported next to realm shop in one Keycloak. Reported as skipped, with the reason, where no container runtime answers.</summary>
[Collection(nameof(KeycloakAppHost))]
public sealed class FederationWithKeycloakTests(KeycloakAppHost appHost) : FederationBehaviour(appHost);
