using Yarp.ReverseProxy.Transforms;

namespace ShopAuthDemo.Gateway.Headers;

/// <summary>
/// Removes headers that some back ends read as "the gateway already authenticated this user". Only the
/// token says who the caller is: a header the caller typed, such as X-User-Id: alice, must never reach a
/// service, or one careless service would let anyone act as anyone.
/// </summary>
public sealed class SpoofableIdentityHeaders(ILogger<SpoofableIdentityHeaders> logger) : RequestTransform
{
    // By prefix, so the variants (X-User, X-User-Id, X-UserName, X-Remote-User, X-Remote-Groups…) go too.
    private static readonly string[] Prefixes =
    [
        "X-User", "X-Forwarded-User", "X-Forwarded-Email", "X-Forwarded-Groups", "X-Forwarded-Preferred-Username",
        "X-Remote-", "Remote-User", "X-Authenticated-", "X-Client-", "X-Auth-Request-", "X-MS-CLIENT-PRINCIPAL",
    ];

    public static bool IsSpoofable(string headerName) =>
        Prefixes.Any(prefix => headerName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        foreach (var name in context.HttpContext.Request.Headers.Keys.Where(IsSpoofable))
        {
            RemoveHeader(context, name);
            // The name only: the value is whatever the caller claimed to be.
            logger.LogWarning("Removed identity header {Header} sent by {Caller} to {Path}",
                name, Callers.Describe(context.HttpContext), context.HttpContext.Request.Path);
        }

        return ValueTask.CompletedTask;
    }
}
