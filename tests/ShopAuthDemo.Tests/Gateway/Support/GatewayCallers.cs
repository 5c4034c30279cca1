using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.Gateway.Support;

/// <summary>Who calls the gateway, as Keycloak would mint their tokens.</summary>
public static class GatewayCallers
{
    public static readonly TestToken Partner = TestToken.Partner;

    public static readonly TestToken Alice = TestToken.Customer with { Audiences = ["orders-api"], Scope = "openid profile orders" };

    // Even with scope "shipping" a user's token is refused at the partner routes by orders-api; at the
    // edge, a user token without it is already turned away.
    public static readonly TestToken AliceForCatalog = TestToken.Customer;

    // People signed in on the API explorer page: one public client (azp api-explorer), many users.
    public static readonly TestToken AliceOnTheExplorer = Alice with { AuthorizedParty = "api-explorer" };

    public static readonly TestToken BobOnTheExplorer = AliceOnTheExplorer with { Subject = "c9f0f895-bob", PreferredUsername = "bob" };

    // carol, an admin, with a token for catalog-api: the one caller catalog-api would let change a price.
    public static readonly TestToken AdminForCatalog = TestToken.Admin;

    public static readonly TestToken AliceForPayments = TestToken.Customer with { Audiences = ["payments-api"], Scope = "openid payments" };
}
