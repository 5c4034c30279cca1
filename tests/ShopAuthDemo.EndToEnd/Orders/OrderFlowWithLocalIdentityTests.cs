using ShopAuthDemo.EndToEnd.Infrastructure;

namespace ShopAuthDemo.EndToEnd.Orders;

public sealed class OrderFlowWithLocalIdentityTests(LocalIdentityAppHost appHost) : OrderFlowBehaviour(appHost);
