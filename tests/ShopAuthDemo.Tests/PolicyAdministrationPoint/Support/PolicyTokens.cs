using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.PolicyAdministrationPoint.Support;

/// <summary>The callers policy-api meets, as Keycloak would mint their tokens for it.</summary>
public static class PolicyTokens
{
    /// <summary>carol in the back office's Access rules page: aud policy-api (scope policies), realm role admin.</summary>
    public static readonly TestToken Carol = TestToken.Admin with { Audiences = ["policy-api"], Scope = "openid profile groups policies" };

    /// <summary>A member of staff who is not an admin, with the same back-office token.</summary>
    public static readonly TestToken Dave = Carol with { Subject = "e4da3b7f-dave", PreferredUsername = "dave", Roles = ["staff"] };

    /// <summary>orders-api's own client-credentials token with scope policies: a deciding service.</summary>
    public static readonly TestToken OrdersService = TestToken.OrdersServiceAccount with
    {
        Audiences = ["policy-api"],
        Scope = "profile policies",
        ClientRoles = new Dictionary<string, IReadOnlyList<string>>(),
    };

    public static readonly TestToken CatalogService = OrdersService with
    {
        Subject = "9a1158d2-service-account-catalog-api",
        PreferredUsername = "service-account-catalog-api",
        AuthorizedParty = "catalog-api",
    };

    public static readonly TestToken OrdersServiceWithoutScope = OrdersService with { Scope = "profile" };

    /// <summary>A customer whose token somehow carries aud policy-api and even the scope.</summary>
    public static readonly TestToken Alice = TestToken.Customer with { Audiences = ["policy-api"], Scope = "openid profile policies" };

    /// <summary>alice's token that orders-api exchanged for one aimed at policy-api: azp orders-api, but a person behind it.</summary>
    public static readonly TestToken AliceExchangedByOrders = Alice with { AuthorizedParty = "orders-api" };

    /// <summary>A partner's service account that somehow got the scope: not a service that decides with the rules.</summary>
    public static readonly TestToken Partner = TestToken.Partner with { Audiences = ["policy-api"], Scope = "profile policies" };

    /// <summary>carol's token for the catalog: valid, but not for this audience.</summary>
    public static readonly TestToken CarolForCatalog = TestToken.Admin with { Audiences = ["catalog-api"] };
}
