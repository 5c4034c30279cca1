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
}
