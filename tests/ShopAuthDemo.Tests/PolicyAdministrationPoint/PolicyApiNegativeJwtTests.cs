using ShopAuthDemo.Tests.PolicyAdministrationPoint.Support;
using ShopAuthDemo.Tests.Security;
using ShopAuthDemo.Tests.Security.Support;

namespace ShopAuthDemo.Tests.PolicyAdministrationPoint;

// The shared negative JWT suite against policy-api: reading the rules with any hostile token is a 401.
public sealed class PolicyApiNegativeJwtTests : NegativeJwtSuite
{
    protected override SecurityTarget CreateTarget()
    {
        var host = new PolicyApiHost();
        var outbound = new OutboundRequestCounter();
        var (client, services) = SecurityTarget.Watched(host.Factory, outbound);
        return new()
        {
            Name = "policy-api",
            Tokens = host.Tokens,
            Host = host,
            Outbound = outbound,
            CreateClient = client,
            Services = services,
            Call = new(HttpMethod.Get, "/api/rules"),
            Caller = PolicyTokens.OrdersService,
            ForbiddenCall = new(HttpMethod.Put, "/api/rules/1/enabled", """{ "enabled": false }"""),
            UnderPrivilegedCaller = PolicyTokens.OrdersService,
            Lacking = "role admin",
        };
    }
}
