using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.IdentityModel.JsonWebTokens;
using ShopAuthDemo.Benchmarks.Driver.Identity;
using ShopAuthDemo.Benchmarks.Driver.Load;
using ShopAuthDemo.Benchmarks.Driver.Report;
using ShopAuthDemo.Benchmarks.Driver.Settings;
using ShopAuthDemo.Web.Authentication.Sessions;
using StackExchange.Redis;

namespace ShopAuthDemo.Benchmarks.Driver.Measurements;

/// <summary>
/// What keeping the web apps' sessions in Redis adds to a signed-in page request: the cookie handler looks the
/// browser's session up on every request (ServerSideTicketStore → <see cref="IUserSessionStore.FindAsync"/>). The
/// real stores, in memory and in Redis, each hold the same 1,000 sessions shaped like alice's (her real tokens and ID
/// token claims); 8 callers in this process look them up in a closed loop, one after another, and every lookup is
/// timed. The ticket copy the cookie handler makes afterwards is the same for both and left out.
/// </summary>
public static class SessionLookupCost
{
    private const int Callers = 8;
    private const int Sessions = 1_000;
    private static readonly TimeSpan AddedP99Goal = TimeSpan.FromMilliseconds(1);

    public static async Task<IEnumerable<ResultRow>> MeasureAsync(
        BenchmarkSettings settings, TokenRequests tokens, CancellationToken cancellationToken)
    {
        var name = $"shop-web session lookup, {Callers} concurrent callers";
        if (settings.RedisServer is null)
            return [new ResultRow($"{name}, Redis", null,
                $"not measured: {BenchmarkSettings.RedisVariable} is not set (benchmarks/run.sh starts a throwaway Redis when it is absent)")];

        var sessions = await SessionsLikeAlicesAsync(tokens, cancellationToken);
        var inMemory = new InMemoryUserSessionStore(TimeProvider.System, NullLogger<InMemoryUserSessionStore>.Instance);
        var inMemoryLoad = await MeasureStoreAsync(inMemory, sessions, settings, cancellationToken);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(settings.RedisServer);
        // Under a prefix of this run's own, and removed afterwards: the server may be shared with tests.
        var keys = new RedisSessionKeys($"shopauthdemo-bench-{Guid.NewGuid():N}:shop-web:");
        var format = new ProtectedSessionFormat(new EphemeralDataProtectionProvider());
        var inRedis = new RedisUserSessionStore(redis, format, keys, TimeProvider.System, NullLogger<RedisUserSessionStore>.Instance);
        LoadResult redisLoad;
        try
        {
            redisLoad = await MeasureStoreAsync(inRedis, sessions, settings, cancellationToken);
        }
        finally
        {
            foreach (var session in sessions) await inRedis.RemoveAsync(session.Key);
        }

        var added = redisLoad.P99 - inMemoryLoad.P99;
        return
        [
            new ResultRow($"{name}, in memory (the embedded default; the requests/s column is lookups/s)", inMemoryLoad, "baseline"),
            new ResultRow($"{name}, Redis (one GET, then the value unprotected with the app's key ring)", redisLoad,
                $"adds **{added.TotalMilliseconds:0.00} ms** at p99 (goal ≤ {AddedP99Goal.TotalMilliseconds:0} ms: " +
                $"{(added <= AddedP99Goal ? "met" : "**not met**")}), {(redisLoad.P50 - inMemoryLoad.P50).TotalMilliseconds:0.00} ms at p50"),
        ];
    }

    private static async Task<LoadResult> MeasureStoreAsync(
        IUserSessionStore store, IReadOnlyList<UserSession> sessions, BenchmarkSettings settings, CancellationToken cancellationToken)
    {
        foreach (var session in sessions) await store.SaveAsync(session);
        Console.WriteLine($"-- session lookups in {store.GetType().Name} ({Callers} callers, {Sessions:N0} sessions)");
        await LookUpAsync(store, sessions, settings.WarmUp, cancellationToken);
        var measured = await LookUpAsync(store, sessions, settings.Duration, cancellationToken);
        Console.WriteLine($"   {measured.RequestsPerSecond:N0} lookups/s, p50 {measured.P50.TotalMilliseconds:0.000} ms, " +
            $"p99 {measured.P99.TotalMilliseconds:0.000} ms");
        return measured;
    }

    private static async Task<LoadResult> LookUpAsync(
        IUserSessionStore store, IReadOnlyList<UserSession> sessions, TimeSpan length, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            var latencies = new List<TimeSpan>();
            for (var next = caller; clock.Elapsed < length; next += Callers)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                var found = await store.FindAsync(sessions[next % sessions.Count].Key);
                latencies.Add(Stopwatch.GetElapsedTime(started));
                // A lookup that finds nothing would be fast and wrong: the browser would be signed out.
                if (found is null) throw new BenchmarkException($"{store.GetType().Name} lost a session it had just stored.");
            }
            return latencies;
        }, cancellationToken));
        var all = (await Task.WhenAll(callers)).SelectMany(latencies => latencies).Order().ToArray();
        var elapsed = clock.Elapsed;
        return new LoadResult(all.Length, elapsed, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), 0, 0);
    }

    private static TimeSpan Percentile(TimeSpan[] sorted, double share) =>
        sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];

    // As ServerSideTicketStore stores a sign-in: the ID token's claims and the session key in the ticket, the tokens beside it.
    private static async Task<IReadOnlyList<UserSession>> SessionsLikeAlicesAsync(TokenRequests tokens, CancellationToken cancellationToken)
    {
        var (accessToken, refreshToken, idToken) = await tokens.SignInToShopWebAsync("alice", cancellationToken);
        var claims = new JsonWebToken(idToken ?? accessToken).Claims.ToList();
        var now = DateTimeOffset.UtcNow;
        return [.. Enumerable.Range(0, Sessions).Select(_ =>
        {
            var key = ServerSideTicketStore.NewKey();
            var identity = new ClaimsIdentity([.. claims, new Claim(SessionClaimTypes.SessionKey, key)], "Cookies", "name", "role");
            var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity),
                new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) }, "Cookies");
            var (sid, sub) = UserSession.IdentityProviderKeys(ticket.Principal);
            return new UserSession(key, ticket, new UserTokens(accessToken, refreshToken, idToken, now, now.AddMinutes(5)), sid, sub,
                now.AddHours(1));
        })];
    }
}
