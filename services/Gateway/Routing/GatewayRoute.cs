namespace ShopAuthDemo.Gateway.Routing;

/// <summary>
/// One route the gateway publishes: the path prefix callers use, the service and path prefix it is
/// forwarded to, the HTTP methods it is published for, and the policy the edge checks first.
/// </summary>
public sealed record GatewayRoute(
    string RouteId, string PublicPrefix, string Service, string ServicePrefix, IReadOnlyList<string> Methods, string AuthorizationPolicy)
{
    /// <summary>The caller's path for a path of the service (null when this route does not publish it).</summary>
    public string? PublicPathFor(string servicePath) =>
        servicePath == ServicePrefix || servicePath.StartsWith(ServicePrefix + "/", StringComparison.Ordinal)
            ? (PublicPrefix + servicePath[ServicePrefix.Length..]).TrimEnd('/')
            : null;

    public bool Publishes(string method) => Methods.Contains(method, StringComparer.OrdinalIgnoreCase);
}
