using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd.Federation;

public sealed class FederationWithLocalIdentityTests(LocalIdentityAppHost appHost) : FederationBehaviour(appHost);
