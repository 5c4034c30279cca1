using Microsoft.Net.Http.Headers;

namespace ShopAuthDemo.Policy.Api.Apis;

/// <summary>
/// The rules' version as a strong ETag, <c>"7"</c>: every service polls with it and gets 304 until an admin
/// changes something, so polling every few seconds costs almost nothing.
/// </summary>
public static class RulesETag
{
    public static string For(long version) => $"\"{version}\"";

    // If-None-Match compares weakly (RFC 9110, 13.1.2): W/"7" matches "7" too, and * matches any version.
    public static bool IsCurrent(HttpRequest request, long version)
    {
        var current = new EntityTagHeaderValue(For(version));
        return request.GetTypedHeaders().IfNoneMatch.Any(tag =>
            tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
