using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using RedisRateLimiting;
using ShopAuthDemo.Gateway.ApiDocs;
using ShopAuthDemo.Gateway.Headers;
using ShopAuthDemo.ServiceDefaults.SharedState;
using StackExchange.Redis;

namespace ShopAuthDemo.Gateway.RateLimiting;

/// <summary>
/// Each calling client gets its own budget (a fixed window per azp; per person for the shared API explorer
/// client; anonymous callers per address), so one partner's runaway loop slows down that partner and nobody else.
/// In scale-out (Redis) the window lives in Redis: two gateway replicas must not give a caller two budgets.
/// </summary>
public static class PerClientRateLimiting
{
    public const string PolicyName = "per-client";

    public static TBuilder AddPerClientRateLimiting<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var settings = RateLimitSettings.From(builder.Configuration);
        var publicClientId = ApiExplorerSettings.From(builder.Configuration).PublicClientId;
        var sharedAcrossReplicas = SharedStateSettings.UsesRedis(builder.Configuration);
        var keyPrefix = SharedStateSettings.KeyPrefix(builder.Environment.ApplicationName);

        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PolicyName, context => sharedAcrossReplicas
                ? SharedBudget(keyPrefix + CallerBudgets.For(context, publicClientId), settings, context.RequestServices)
                : RateLimitPartition.GetFixedWindowLimiter(CallerBudgets.For(context, publicClientId), _ => LocalWindow(settings)));
            options.OnRejected = (rejected, _) => RejectAsync(rejected, settings);
        });
        return builder;
    }

    private static FixedWindowRateLimiterOptions LocalWindow(RateLimitSettings settings) =>
        new() { PermitLimit = settings.PermitLimit, Window = settings.Window, QueueLimit = 0 };

    // The multiplexer is the one ServiceDefaults registered for ConnectionStrings:redis, taken once per caller when its
    // limiter is made. Redis keys: rl:fw:{Gateway:caller} and rl:fw:{Gateway:caller}:exp, gone when the window closes:
    // the library puts rl:fw: in front, so the gateway's Redis user is allowed rl:fw:{Gateway:* besides Gateway:*.
    private static RateLimitPartition<string> SharedBudget(string caller, RateLimitSettings settings, IServiceProvider services) =>
        RateLimitPartition.Get(caller, key => new SharedCallerBudget(
            new RedisFixedWindowRateLimiter<string>(key, new RedisFixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PermitLimit,
                Window = settings.Window,
                ConnectionMultiplexerFactory = services.GetRequiredService<IConnectionMultiplexer>,
            }),
            new FixedWindowRateLimiter(LocalWindow(settings)),
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SharedCallerBudget))));

    private static async ValueTask RejectAsync(OnRejectedContext rejected, RateLimitSettings settings)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait
            // Redis' lease names the wait in whole seconds, under a name of its own.
            : rejected.Lease.TryGetMetadata(RateLimitMetadataName.RetryAfter, out var waitSeconds) ? TimeSpan.FromSeconds(waitSeconds)
            : settings.Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        // Tells a well-behaved client exactly when to come back instead of hammering on.
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PerClientRateLimiting))
            .LogWarning("Rate limit: {Caller} made more than {Limit} requests in {Window} s", Callers.Describe(http),
                settings.PermitLimit, settings.Window.TotalSeconds);

        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"Each client may make {settings.PermitLimit} requests every {settings.Window.TotalSeconds:0} s. Try again in {seconds} s.",
            },
        });
    }
}
