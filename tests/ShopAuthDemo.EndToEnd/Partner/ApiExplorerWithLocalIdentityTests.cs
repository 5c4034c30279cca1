using ShopAuthDemo.EndToEnd.Infrastructure;

namespace ShopAuthDemo.EndToEnd.Partner;

public sealed class ApiExplorerWithLocalIdentityTests(LocalIdentityAppHost appHost) : ApiExplorerBehaviour(appHost);
