using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Net.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ShopAuthDemo.ServiceDefaults.Telemetry;

/// <summary>
/// Requests nobody made on purpose: the AppHost's health probes, the identity provider's metadata (discovery
/// document, signing keys) that every token validator and token client fetches, and each policy decision point's
/// poll for changed access rules (a conditional GET every 2 s). As traces of their own they would bury the ones a
/// reader looks for, an order hop by hop. Inside a trace (keys fetched while an order is checked) they stay in it.
/// </summary>
/// <remarks>
/// Dropped at the caller, a request's trace context goes out marked "not sampled", so the service it calls
/// records nothing of it either: one decision, made where the request starts.
/// </remarks>
public static class RoutineRequests
{
    // Keycloak's paths, which Identity.Local keeps. Exactly these: a path a caller chooses (…/x/.well-known/y on a
    // business route) must not escape tracing.
    private static readonly Regex IdentityProviderMetadata =
        new(@"^(/realms/[^/]+)?/\.well-known/openid-configuration$|^/realms/[^/]+/protocol/openid-connect/certs$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
    private const string AccessRules = "/api/rules";

    /// <summary>For the ASP.NET Core instrumentation: false for a routine request that would start a trace.</summary>
    public static bool ShouldTrace(HttpContext context) =>
        !(StartsATrace(Activity.Current) && IsRoutine(context.Request.Method, context.Request.Path.Value,
            isRevalidation: context.Request.Headers.ContainsKey(HeaderNames.IfNoneMatch)));

    /// <summary>For the HttpClient instrumentation: false for a routine call that would start a trace.</summary>
    public static bool ShouldTrace(HttpRequestMessage request) =>
        !(StartsATrace(Activity.Current) && IsRoutine(request.Method.Method, request.RequestUri?.AbsolutePath,
            isRevalidation: request.Headers.IfNoneMatch.Count > 0));

    public static bool IsRoutine(string method, string? path, bool isRevalidation) => path is not null && HttpMethods.IsGet(method)
        && (new PathString(path).StartsWithSegments(Microsoft.Extensions.Hosting.Extensions.HealthEndpointPath)
            || new PathString(path).StartsWithSegments(Microsoft.Extensions.Hosting.Extensions.AlivenessEndpointPath)
            || IdentityProviderMetadata.IsMatch(path)
            // "Have the rules changed since version N?" The first load, and every change made in the back office, is traced.
            || (isRevalidation && path.Equals(AccessRules, StringComparison.OrdinalIgnoreCase)));

    // The instrumentation asks while the request's own activity is current: it starts a trace when it has no parent.
    private static bool StartsATrace(Activity? activity) => activity is null || activity.ParentSpanId == default;
}
