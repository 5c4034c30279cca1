using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd;

// The Keycloak variants share one AppHost of their own. xUnit finds collection definitions only in the
// test assembly, so this one lives here rather than beside KeycloakAppHost in the support project.
[CollectionDefinition(nameof(KeycloakAppHost))]
public sealed class KeycloakAppHostCollection : ICollectionFixture<KeycloakAppHost>;
