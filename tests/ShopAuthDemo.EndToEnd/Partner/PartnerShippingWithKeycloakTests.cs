using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd.Partner;

/// <summary>Reported as skipped, with the reason, where no container runtime answers.</summary>
[Collection(nameof(KeycloakAppHost))]
public sealed class PartnerShippingWithKeycloakTests(KeycloakAppHost appHost) : PartnerShippingBehaviour(appHost);
