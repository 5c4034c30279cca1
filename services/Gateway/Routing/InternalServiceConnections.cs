using ShopAuthDemo.ServiceDefaults.MutualTls;
using Yarp.ReverseProxy.Forwarder;

namespace ShopAuthDemo.Gateway.Routing;

/// <summary>
/// The reverse proxy's connections to the services behind it (one cluster each, named after the service): over
/// mutual TLS, so a service knows the request came through the gateway, and the gateway knows it reached the
/// service it meant. Behind the edge nothing is anonymous any more, not even the connection.
/// </summary>
public sealed class InternalServiceConnections(MutualTlsCredentials credentials, ILogger<InternalServiceConnections> logger,
    ILogger<ForwarderHttpClientFactory> forwarderLogger) : ForwarderHttpClientFactory(forwarderLogger)
{
    protected override void ConfigureHandler(ForwarderHttpClientContext context, SocketsHttpHandler handler)
    {
        base.ConfigureHandler(context, handler);
        if (GatewayRoutes.Services.Contains(context.ClusterId))
            handler.PresentServiceCertificate(credentials, service: context.ClusterId, logger);
    }
}
