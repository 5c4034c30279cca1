using System.Net;
using System.Net.Http.Json;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Catalog;

// Internal price quotes are for orders-api's service account only: no user token, however privileged.
public sealed class PriceQuoteAuthorizationTests(CatalogApiHost catalog) : IClassFixture<CatalogApiHost>
{
    private const string ServiceAccount = "orders-api service account";
    private const string Alice = "alice (customer)";
    private const string Carol = "carol (admin)";
    private const string Partner = "partner-acme with aud catalog-api";
    private const string RealmRoleOfTheSameName = "price-quotes as a realm role";
    private const string ClientRoleOfAnotherClient = "price-quotes on another client";
    private const string ServiceAccountForAnotherAudience = "orders-api service account, aud orders-api";
    private const string NoToken = "no token";

    public static TheoryData<string, HttpStatusCode> Cases => new()
    {
        { ServiceAccount, HttpStatusCode.OK },
        { Alice, HttpStatusCode.Forbidden },
        { Carol, HttpStatusCode.Forbidden },
        { Partner, HttpStatusCode.Forbidden },
        { RealmRoleOfTheSameName, HttpStatusCode.Forbidden },
        { ClientRoleOfAnotherClient, HttpStatusCode.Forbidden },
        { ServiceAccountForAnotherAudience, HttpStatusCode.Unauthorized },
        { NoToken, HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Only_the_price_quotes_client_role_gets_a_quote(string caller, HttpStatusCode expected)
    {
        var body = new { items = new[] { new { productId = 1, quantity = 2 } } };

        var response = await Client(caller).PostAsJsonAsync("/api/internal/price-quotes", body, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

    private HttpClient Client(string caller) => Token(caller) is { } token ? catalog.As(token) : catalog.Anonymous();

    private static TestToken? Token(string caller) => caller switch
    {
        ServiceAccount => TestToken.OrdersServiceAccount,
        Alice => TestToken.Customer,
        Carol => TestToken.Admin,
        Partner => TestToken.Partner with { Audiences = ["catalog-api"] },
        RealmRoleOfTheSameName => TestToken.Admin with { Roles = ["staff", "admin", "price-quotes"] },
        ClientRoleOfAnotherClient => TestToken.OrdersServiceAccount with
        {
            ClientRoles = new Dictionary<string, IReadOnlyList<string>> { ["orders-api"] = ["price-quotes"] },
        },
        ServiceAccountForAnotherAudience => TestToken.OrdersServiceAccount with { Audiences = ["orders-api"] },
        NoToken => null,
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, "Unknown caller."),
    };
}
