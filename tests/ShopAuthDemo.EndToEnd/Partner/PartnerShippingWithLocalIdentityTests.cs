using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd.Partner;

public sealed class PartnerShippingWithLocalIdentityTests(LocalIdentityAppHost appHost) : PartnerShippingBehaviour(appHost);
