using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd.Orders;

public sealed class OrderFlowWithLocalIdentityTests(LocalIdentityAppHost appHost) : OrderFlowBehaviour(appHost);
