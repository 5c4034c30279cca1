using ShopAuthDemo.EndToEnd.Infrastructure;

namespace ShopAuthDemo.EndToEnd.Partner;

public sealed class PartnerShippingWithLocalIdentityTests(LocalIdentityAppHost appHost) : PartnerShippingBehaviour(appHost);
