namespace ShopAuthDemo.AppHost.Storage.Accounts;

/// <summary>
/// One app's Redis user: both of its replicas sign in as it, and it may touch only keys under the app's prefix.
/// Another app's cookies, sessions and cached tokens stay out of reach even to a process that holds this password.
/// </summary>
/// <param name="User">The app's resource name (shop-web, gateway), as the dashboard and <c>ACL LIST</c> show it.</param>
/// <param name="KeyPrefix">
/// <c>&lt;ApplicationName&gt;:</c>, where every key the app writes starts (ServiceDefaults/SharedState/SharedState.cs,
/// <c>SharedStateSettings.KeyPrefix</c>): its key ring, distributed cache, web sessions and rate-limit windows.
/// </param>
public sealed record RedisAccount(string User, string Password, string KeyPrefix)
{
    /// <summary>The rules of <c>ACL SETUSER</c>, in order (a later rule overrides an earlier one).</summary>
    public IReadOnlyList<string> AccessRules() =>
    [
        // From nothing: no earlier password, key pattern or command of this user survives a new run.
        "reset", "on", $">{Password}",
        $"~{KeyPrefix}*",
        // RedisRateLimiting names its keys rl:fw:{<partition>}; the gateway starts each partition with its prefix.
        $"~rl:fw:{{{KeyPrefix}*",
        // Pub/sub only on channels under the prefix (orders-api wakes its other replica's waiting partner on
        // <prefix>order-paid): a channel is readable by every user allowed on it, so no app may use another's.
        "resetchannels", $"&{KeyPrefix}*",
        "-@all",
        // Reads and writes (strings, hashes, lists, sets, expiry), MULTI/EXEC/WATCH: every one names its keys, and
        // Redis refuses (NOPERM) a key outside the patterns above.
        "+@read", "+@write", "+@transaction",
        // Connecting (HELLO, AUTH, CLIENT SETNAME, SELECT) and PING, Aspire's health check.
        "+@connection",
        // Lua scripts (the rate limiter's): only running them; a script's keys are checked like a command's.
        "+eval", "+evalsha", "+script|load", "+script|exists",
        // Publishing and listening, without PUBSUB CHANNELS/NUMSUB (@pubsub has them), which list other apps' channels.
        "+publish", "+subscribe", "+unsubscribe",
        // Nothing that reaches beyond the app's keys: FLUSHALL, KEYS, CONFIG, INFO, MONITOR, CLIENT LIST, ACL and
        // the other @dangerous ones; SCAN and RANDOMKEY (they list every app's key names); client-side caching
        // (CLIENT TRACKING in broadcast mode reports other apps' key names); FUNCTION (a library is the server's,
        // shared by every user: FUNCTION FLUSH would delete other apps' ones).
        "-@dangerous", "-scan", "-randomkey", "-client|tracking", "-client|caching", "-client|getredir", "-client|trackinginfo",
        "-function",
    ];
}
