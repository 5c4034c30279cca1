using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.Orders.Support;

/// <summary>The callers orders-api meets, as Keycloak would mint their tokens.</summary>
public static class OrderTokens
{
    public static readonly TestToken Alice = TestToken.Customer with { Audiences = ["orders-api"], Scope = "openid profile orders" };

    public static readonly TestToken Bob = Alice with { Subject = "c81e728d-bob", PreferredUsername = "bob" };

    public static readonly TestToken AliceWithoutOrdersScope = Alice with { Scope = "openid profile" };

    public static readonly TestToken Carol = TestToken.Admin with { Audiences = ["orders-api"], Scope = "openid profile orders" };

    public static readonly TestToken OrdersServiceAccount = TestToken.OrdersServiceAccount with { Audiences = ["orders-api"] };

    public static readonly TestToken Partner = TestToken.Partner;

    public static readonly TestToken AliceForCatalog = TestToken.Customer with { Audiences = ["catalog-api"], Scope = "openid orders" };

    // A user's token that somehow carries the partner scope: still not a partner client (azp shop-web).
    public static readonly TestToken AliceWithShippingScope = Alice with { Scope = "openid profile orders shipping" };

    // A client with scope "shipping" but no shipping contract with us (not in Partners:Clients).
    public static readonly TestToken UnknownPartner = TestToken.Partner with
    {
        Subject = "0d61f837-service-account-partner-unknown",
        PreferredUsername = "service-account-partner-unknown",
        AuthorizedParty = "partner-unknown",
    };

    public static readonly TestToken PartnerWithoutShippingScope = TestToken.Partner with { Scope = "profile" };

    public static readonly TestToken PartnerForCatalog = TestToken.Partner with { Audiences = ["catalog-api"] };

    /// <summary>The callers by the names the authorization matrices use; "anonymous" sends no token.</summary>
    public static TestToken? Named(string caller) => caller switch
    {
        "anonymous" => null,
        "alice" => Alice,
        "alice-without-orders-scope" => AliceWithoutOrdersScope,
        "alice-with-shipping-scope" => AliceWithShippingScope,
        "alice-token-for-catalog" => AliceForCatalog,
        "carol-staff" => Carol,
        "orders-service-account" => OrdersServiceAccount,
        "partner" => Partner,
        "unknown-partner" => UnknownPartner,
        "partner-without-shipping-scope" => PartnerWithoutShippingScope,
        "partner-token-for-catalog" => PartnerForCatalog,
        _ => throw new ArgumentException($"No caller named '{caller}'.", nameof(caller)),
    };
}
