using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.Payments;

// The tokens that can reach payments-api, by the name the authorization matrix uses.
public static class PaymentCallers
{
    public const string AliceViaOrders = "alice via orders-api";
    public const string BobViaOrders = "bob via orders-api";
    public const string AliceViaShopWeb = "alice via shop-web";
    public const string OrdersServiceAccount = "orders-api service account";
    public const string Partner = "partner-acme";
    public const string StaffViaOrders = "carol (staff, no customer role) via orders-api";
    public const string AliceTokenForOrdersApi = "alice's token for orders-api, forwarded";
    public const string NoToken = "no token";

    // Step 5: Alice's token after orders-api exchanged it: aud payments-api, azp orders-api, sub alice.
    public static TestToken Alice => TestToken.Customer with
    {
        AuthorizedParty = "orders-api",
        Audiences = ["payments-api"],
        Scope = "openid profile payments",
    };

    public static TestToken Bob => Alice with { Subject = "c81e728d-bob", PreferredUsername = "bob" };

    public static TestToken? Token(string caller) => caller switch
    {
        AliceViaOrders => Alice,
        BobViaOrders => Bob,
        // Shop.Web asking the IdP for the "payments" scope itself: right audience, wrong client.
        AliceViaShopWeb => Alice with { AuthorizedParty = "shop-web" },
        // orders-api charging on its own authority instead of on behalf of a customer.
        OrdersServiceAccount => TestToken.OrdersServiceAccount with { Audiences = ["payments-api"], Scope = "profile payments" },
        // Even were a partner to get a payments-api audience, it is not orders-api and not a customer.
        Partner => TestToken.Partner with { Audiences = ["payments-api"] },
        StaffViaOrders => TestToken.Admin with { AuthorizedParty = "orders-api", Audiences = ["payments-api"] },
        // What orders-api must not do: pass on the raw token it received instead of exchanging it.
        AliceTokenForOrdersApi => TestToken.Customer with { Audiences = ["orders-api"], Scope = "openid profile orders" },
        NoToken => null,
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, "Unknown caller."),
    };

    public static HttpClient Client(this PaymentsApiHost payments, string caller) =>
        Token(caller) is { } token ? payments.As(token) : payments.Anonymous();
}
