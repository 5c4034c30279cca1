using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;
using ShopAuthDemo.Tests.Gateway.Support;
using ShopAuthDemo.Tests.Orders.Support;
using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.Security.Support;

/// <summary>The four services that validate tokens, each on the hosts the other tests use.</summary>
public static class SecurityTargets
{
    public static SecurityTarget CatalogApi()
    {
        var host = new CatalogApiHost();
        var outbound = new OutboundRequestCounter();
        var (client, services) = SecurityTarget.Watched(host.Factory, outbound);
        return new()
        {
            Name = "catalog-api",
            Tokens = host.Tokens,
            Host = host,
            Outbound = outbound,
            CreateClient = client,
            Services = services,
            Call = new(HttpMethod.Get, "/whoami"),
            Caller = TestToken.Customer,
            ForbiddenCall = new(HttpMethod.Put, "/api/products/1/price", """{ "price": 12.50 }"""),
            UnderPrivilegedCaller = TestToken.Customer,
            Lacking = "role admin",
        };
    }

    public static SecurityTarget OrdersApi()
    {
        var host = new OrdersApiHost();
        var outbound = new OutboundRequestCounter();
        // The access rules from memory: their polls of policy-api are not what a hostile token made it send.
        var rulesFromMemory = host.Factory.WithWebHostBuilder(web =>
            web.ConfigureTestServices(services => services.AddSingleton<IAccessRulesSource>(host.Downstream.Rules)));
        var (client, services) = SecurityTarget.Watched(rulesFromMemory, outbound);
        return new()
        {
            Name = "orders-api",
            Tokens = host.Tokens,
            Host = host,
            Outbound = outbound,
            CreateClient = client,
            Services = services,
            Call = new(HttpMethod.Get, "/api/orders"),
            Caller = OrderTokens.Alice,
            ForbiddenCall = new(HttpMethod.Get, "/api/orders"),
            UnderPrivilegedCaller = OrderTokens.AliceWithoutOrdersScope,
            Lacking = "scope orders",
        };
    }

    public static SecurityTarget PaymentsApi()
    {
        var host = new PaymentsApiHost();
        var outbound = new OutboundRequestCounter();
        var (client, services) = SecurityTarget.Watched(host.Factory, outbound);
        var aliceForPayments = TestToken.Customer with { Audiences = ["payments-api"], Scope = "openid payments" };
        return new()
        {
            Name = "payments-api",
            Tokens = host.Tokens,
            Host = host,
            Outbound = outbound,
            CreateClient = client,
            Services = services,
            Call = new(HttpMethod.Get, "/whoami"),
            Caller = aliceForPayments,
            ForbiddenCall = new(HttpMethod.Get, $"/api/payments/{Guid.NewGuid()}"),
            // Alice's own browser token: right audience, but not exchanged by orders-api.
            UnderPrivilegedCaller = aliceForPayments,
            Lacking = "azp orders-api",
        };
    }

    public static SecurityTarget Gateway()
    {
        var host = new GatewayHost();
        var outbound = new OutboundRequestCounter();
        var (client, services) = SecurityTarget.Watched(host.Factory, outbound);
        return new()
        {
            Name = "gateway",
            Tokens = host.Tokens,
            Host = host,
            Outbound = outbound,
            CreateClient = client,
            Services = services,
            Forwarded = () => host.Services.ToServices.Count(),
            Call = new(HttpMethod.Get, "/orders"),
            Caller = GatewayCallers.Alice,
            ForbiddenCall = new(HttpMethod.Get, "/partner/orders/ready-to-ship"),
            UnderPrivilegedCaller = GatewayCallers.Partner with { Scope = "profile" },
            Lacking = "scope shipping",
        };
    }
}
