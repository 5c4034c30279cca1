using ShopAuthDemo.Gateway.ApiDocs;
using ShopAuthDemo.Gateway.Headers;
using ShopAuthDemo.Gateway.RateLimiting;
using ShopAuthDemo.ServiceDefaults.Authentication;
using ShopAuthDemo.ServiceDefaults.MutualTls;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;

namespace ShopAuthDemo.Gateway.Routing;

public static class ReverseProxyExtensions
{
    // YARP with the routes in GatewayRoutes; "https://orders-api" is found by Aspire's service discovery.
    public static TBuilder AddGatewayReverseProxy<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var identity = IdentityProviderSettings.From(builder.Configuration);
        List<RouteConfig> routes = [.. GatewayRoutes.Published.Select(ToRouteConfig), ExplorerTokenRoute.Route];
        // https with mutual TLS on; plain http only where it is switched off (never a quiet fall-back).
        var scheme = MutualTlsSettings.From(builder.Configuration).Enabled ? "https" : "http";
        List<ClusterConfig> clusters =
            [.. GatewayRoutes.Services.Select(service => ToClusterConfig(scheme, service)), ExplorerTokenRoute.Cluster(identity.Authority)];

        builder.Services.AddSingleton<SpoofableIdentityHeaders>();
        builder.Services.AddSingleton<ExplorerTokenRelayRules>();
        builder.Services.AddReverseProxy()
            .LoadFromMemory(routes, clusters)
            .AddTransforms(transforms =>
            {
                // Every route, so a new one cannot forget it. The Authorization header is forwarded as it came:
                // each service validates the very token the gateway validated (defense in depth).
                transforms.RequestTransforms.Add(transforms.Services.GetRequiredService<SpoofableIdentityHeaders>());
                if (transforms.Route.RouteId == ExplorerTokenRoute.RouteId)
                {
                    transforms.RequestTransforms.Add(transforms.Services.GetRequiredService<ExplorerTokenRelayRules>());
                }
            })
            .AddServiceDiscoveryDestinationResolver();
        // The connections to the services: mutual TLS, the gateway showing its certificate and checking theirs.
        builder.Services.AddSingleton<IForwarderHttpClientFactory, InternalServiceConnections>();
        MutualTlsCredentials.AddOnce(builder.Services);
        return builder;
    }

    private static RouteConfig ToRouteConfig(GatewayRoute route) => new RouteConfig
    {
        RouteId = route.RouteId,
        ClusterId = route.Service,
        // Any other method on a published path is 405 at the edge and never forwarded.
        Match = new RouteMatch { Path = $"{route.PublicPrefix}/{{**remainder}}", Methods = route.Methods },
        AuthorizationPolicy = route.AuthorizationPolicy,
        RateLimiterPolicy = PerClientRateLimiting.PolicyName,
    }.WithTransformPathRouteValues($"{route.ServicePrefix}/{{**remainder}}");

    private static ClusterConfig ToClusterConfig(string scheme, string service) => new()
    {
        ClusterId = service,
        Destinations = new Dictionary<string, DestinationConfig> { [service] = new() { Address = $"{scheme}://{service}" } },
        // How long a forwarded request may go without a byte either way. Above orders-api's longest hold of a partner's
        // question for paid orders (30 s, long polling), or the gateway would cut that wait short with a 504.
        HttpRequest = new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(60) },
    };
}
