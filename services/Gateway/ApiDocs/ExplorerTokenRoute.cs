using ShopAuthDemo.Gateway.Authorization;
using ShopAuthDemo.Gateway.RateLimiting;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace ShopAuthDemo.Gateway.ApiDocs;

/// <summary>
/// POST /identity/token on the gateway -> the identity provider's token endpoint. The API
/// explorer page is served by the gateway, and a browser lets a page call only its own origin unless the
/// other side allows it (CORS): Keycloak allows only a client's registered web origins, the local
/// stand-in none. Only the token endpoint is forwarded, nothing else of the identity provider, and only
/// for the grants the page uses (ExplorerTokenRelayRules).
/// </summary>
public static class ExplorerTokenRoute
{
    public const string Path = "/identity/token";
    public const string RouteId = "identity-token";
    private const string ClusterId = "identity-provider";

    public static RouteConfig Route => new RouteConfig
    {
        RouteId = RouteId,
        ClusterId = ClusterId,
        Match = new RouteMatch { Path = Path, Methods = ["POST"] },
        AuthorizationPolicy = GatewayPolicies.Anonymous,
        RateLimiterPolicy = PerClientRateLimiting.PolicyName,
    }
    // Keycloak's path under the realm URL, which the local stand-in serves too.
    .WithTransformPathSet("/protocol/openid-connect/token")
    // To the identity provider this is a call from the gateway, not a cross-origin browser request.
    .WithTransformRequestHeaderRemove("Origin");

    public static ClusterConfig Cluster(string authority) => new()
    {
        ClusterId = ClusterId,
        Destinations = new Dictionary<string, DestinationConfig> { [ClusterId] = new() { Address = authority } },
    };
}
