using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd.Orders;

/// <summary>Reported as skipped, with the reason, where no container runtime answers.</summary>
[Collection(nameof(KeycloakAppHost))]
public sealed class OrderFlowWithKeycloakTests(KeycloakAppHost appHost) : OrderFlowBehaviour(appHost);
