using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Orders.Api.Infrastructure;
using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.Orders.Support;

/// <summary>
/// Orders.Api in-process: trusts a test token issuer, its HTTP calls go to <see cref="FakeDownstream"/>,
/// including its polls of policy-api for the access rules (the seeded ones unless a test publishes others).
/// </summary>
public sealed class OrdersApiHost : ApiHost<OrdersContext>
{
    public OrdersApiHost() : this(new FakeDownstream())
    {
    }

    // Private: xunit requires a class fixture to have a single public constructor.
    private OrdersApiHost(FakeDownstream downstream)
        : base((tokens, database) => new ApiFactory<OrdersContext>(tokens, new()
        {
            ["Identity:Authority"] = TestTokenIssuer.Authority,
            ["Identity:Audience"] = "orders-api",
            ["Identity:ClientId"] = "orders-api",
            ["Identity:ClientSecret"] = "test-orders-api-secret",
            ["ConnectionStrings:ordersdb"] = database.ConnectionString,
        })
        {
            TestDoubles = services => services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => downstream)),
        }) => Downstream = downstream;

    public FakeDownstream Downstream { get; }
}
