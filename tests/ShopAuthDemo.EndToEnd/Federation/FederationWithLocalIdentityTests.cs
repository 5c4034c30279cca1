using ShopAuthDemo.EndToEnd.Infrastructure;

namespace ShopAuthDemo.EndToEnd.Federation;

public sealed class FederationWithLocalIdentityTests(LocalIdentityAppHost appHost) : FederationBehaviour(appHost);
