using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.Security.Support;

/// <summary>A request a caller can make, optionally with a JSON body.</summary>
public sealed record ProtectedCall(HttpMethod Method, string Path, string? JsonBody = null);

/// <summary>
/// One service in-process, described the way the security suites need it: a route any valid token
/// passes, a route that needs more than a valid token, who passes each, and what it sent out.
/// </summary>
public sealed class SecurityTarget : IAsyncDisposable
{
    public required string Name { get; init; }
    public required TestTokenIssuer Tokens { get; init; }
    public required ProtectedCall Call { get; init; }
    public required TestToken Caller { get; init; }

    // A valid token for this service that still lacks what ForbiddenCall needs (a scope or a role).
    public required ProtectedCall ForbiddenCall { get; init; }
    public required TestToken UnderPrivilegedCaller { get; init; }
    public required string Lacking { get; init; }

    public required OutboundRequestCounter Outbound { get; init; }

    // Requests that reached a service behind this one (the gateway's forwarded calls).
    public Func<int> Forwarded { get; init; } = () => 0;

    public required Func<HttpClient> CreateClient { get; init; }
    public required Func<IServiceProvider> Services { get; init; }
    public required IAsyncDisposable Host { get; init; }

    public TimeSpan ClockSkew => Services().GetRequiredService<IOptionsMonitor<JwtBearerOptions>>()
        .Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters.ClockSkew;

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    // The host as the existing tests run it, plus a counter in place of the network.
    public static (Func<HttpClient> Client, Func<IServiceProvider> Services) Watched<TEntryPoint>(
        WebApplicationFactory<TEntryPoint> factory, OutboundRequestCounter outbound)
        where TEntryPoint : class
    {
        var watched = factory.WithWebHostBuilder(web => web.ConfigureTestServices(outbound.WatchOutboundCallsOf));
        return (watched.CreateClient, () => watched.Services);
    }
}
