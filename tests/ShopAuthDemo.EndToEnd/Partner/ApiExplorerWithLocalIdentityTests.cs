using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd.Partner;

public sealed class ApiExplorerWithLocalIdentityTests(LocalIdentityAppHost appHost) : ApiExplorerBehaviour(appHost);
