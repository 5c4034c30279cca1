using ShopAuthDemo.AppHost.Storage.Accounts;
using ShopAuthDemo.Tests.Support;
using StackExchange.Redis;

namespace ShopAuthDemo.EndToEnd.StoreAccounts;

/// <summary>
/// The Redis users the AppHost makes, on the real Redis (SHOPAUTHDEMO_REDIS): an app signed in as its own user does
/// all it needs with its own keys, and gets NOPERM for another app's keys and for commands that reach the server.
/// </summary>
public sealed class RedisAccountTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly RedisAccounts _accounts = new();
    private RedisAccount _shop = null!;
    private RedisAccount _backoffice = null!;
    private ConnectionMultiplexer? _asShop;

    private string ShopKey(string name) => $"{_shop.KeyPrefix}{name}";

    private string BackofficeKey(string name) => $"{_backoffice.KeyPrefix}{name}";

    public async ValueTask InitializeAsync()
    {
        var admin = SharedServers.Redis;
        _shop = _accounts.For($"shop-web-{_run}", $"Shop.Web-{_run}");
        _backoffice = _accounts.For($"backoffice-web-{_run}", $"Backoffice.Web-{_run}");
        await _accounts.ProvisionAsync(admin, Ct);
        // As the app connects: StackExchange.Redis meets NOPERM for INFO and CONFIG at connect and goes on.
        _asShop = await ConnectionMultiplexer.ConnectAsync(RedisAccounts.ConnectionString(admin, _shop));
    }

    [Fact]
    public async Task An_app_reads_and_writes_its_own_keys_as_its_session_store_cache_and_key_ring_do()
    {
        var redis = _asShop!.GetDatabase();

        Assert.True(await redis.PingAsync() > TimeSpan.Zero); // Aspire's health check
        Assert.True(await redis.StringSetAsync(ShopKey("session:1"), "ticket", TimeSpan.FromMinutes(5)));
        Assert.Equal("ticket", (string?)await redis.StringGetAsync(ShopKey("session:1")));
        Assert.True(await redis.SetAddAsync(ShopKey("sessions-of-sub:alice"), "1"));
        Assert.True(await redis.KeyExpireAsync(ShopKey("sessions-of-sub:alice"), TimeSpan.FromMinutes(5), ExpireWhen.HasNoExpiry));
        Assert.True(await redis.KeyExpireAsync(ShopKey("sessions-of-sub:alice"), TimeSpan.FromMinutes(9), ExpireWhen.GreaterThanCurrentExpiry));
        Assert.True(await redis.LockTakeAsync(ShopKey("refresh-lock:1"), "me", TimeSpan.FromSeconds(10)));
        Assert.True(await redis.LockReleaseAsync(ShopKey("refresh-lock:1"), "me"));
        var transaction = redis.CreateTransaction();
        transaction.AddCondition(Condition.StringEqual(ShopKey("session:1"), "ticket")); // optimistic, as sessions are updated
        _ = transaction.StringSetAsync(ShopKey("session:1"), "renewed", TimeSpan.FromMinutes(5));
        _ = transaction.SetAddAsync(ShopKey("sessions-of-sid:s1"), "1");
        Assert.True(await transaction.ExecuteAsync());
        Assert.Equal("renewed", (string?)await redis.StringGetDeleteAsync(ShopKey("session:1")));
        await redis.HashSetAsync(ShopKey("cache-entry"), [new("data", "x"), new("sldexp", -1)]); // RedisCache
        Assert.Equal("x", (string?)await redis.HashGetAsync(ShopKey("cache-entry"), "data"));
        await redis.ListRightPushAsync(ShopKey("data-protection"), "<key/>"); // the key ring
        Assert.Equal(["<key/>"], (await redis.ListRangeAsync(ShopKey("data-protection"))).Select(v => (string?)v));
        // A Lua script on its own key, as the gateway's rate limiter runs one.
        var count = await redis.ScriptEvaluateAsync("return redis.call('incr', KEYS[1])", [(RedisKey)$"rl:fw:{{{ShopKey("client x")}}}"]);
        Assert.Equal(1, (int)count);
    }

    [Fact]
    public async Task An_app_cannot_read_or_change_another_apps_key_ring_sessions_or_cache()
    {
        var redis = _asShop!.GetDatabase();

        foreach (var key in new[] { BackofficeKey("data-protection"), BackofficeKey("session:1"), $"rl:fw:{{{BackofficeKey("client x")}}}", "data-protection:Backoffice.Web" })
        {
            await AssertRefusedAsync(() => redis.StringGetAsync(key));
            await AssertRefusedAsync(() => redis.ListRangeAsync(key));
            await AssertRefusedAsync(() => redis.KeyDeleteAsync(key));
            await AssertRefusedAsync(() => redis.ScriptEvaluateAsync("return redis.call('get', KEYS[1])", [(RedisKey)key]));
        }
    }

    [Fact]
    public async Task An_app_cannot_flush_reconfigure_or_list_the_server()
    {
        // As an intruder with the app's password would: with the client's own guard (admin mode) lifted, the server refuses.
        var intruder = ConfigurationOptions.Parse(RedisAccounts.ConnectionString(SharedServers.Redis, _shop));
        intruder.AllowAdmin = true;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(intruder);
        var redis = connection.GetDatabase();

        foreach (var command in new[] { "FLUSHALL", "FLUSHDB", "KEYS", "SCAN", "CONFIG", "INFO", "ACL", "CLIENT", "RANDOMKEY" })
        {
            object[] arguments = command switch
            {
                "KEYS" => ["*"],
                "SCAN" => ["0"],
                "CONFIG" => ["SET", "requirepass", "taken"],
                "ACL" => ["LIST"],
                "CLIENT" => ["LIST"],
                _ => [],
            };
            await AssertRefusedAsync(() => redis.ExecuteAsync(command, arguments));
        }
    }

    [Fact]
    public async Task An_app_publishes_and_listens_on_its_own_channels_only()
    {
        // orders-api wakes a partner waiting on its other replica this way (services/Orders.Api/PaidOrders/).
        var heard = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var own = RedisChannel.Literal(ShopKey("order-paid"));
        await _asShop!.GetSubscriber().SubscribeAsync(own, (_, message) => heard.TrySetResult(message!));
        await _asShop.GetSubscriber().PublishAsync(own, "paid");
        Assert.Equal("paid", await heard.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct));

        var anothers = RedisChannel.Literal(BackofficeKey("order-paid"));
        await AssertRefusedAsync(() => _asShop.GetSubscriber().PublishAsync(anothers, "forged"));
        await AssertRefusedAsync(() => _asShop.GetDatabase().ExecuteAsync("PUBSUB", "CHANNELS"));
    }

    [Fact]
    public async Task The_apps_connection_string_names_its_own_user_and_not_the_admin_password()
    {
        var admin = ConfigurationOptions.Parse(SharedServers.Redis);
        var own = ConfigurationOptions.Parse(RedisAccounts.ConnectionString(SharedServers.Redis, _shop));

        Assert.Equal(_shop.User, own.User);
        Assert.NotEqual(admin.Password, own.Password);
        Assert.Equal(admin.EndPoints.Single().ToString(), own.EndPoints.Single().ToString());
        Assert.True(await _asShop!.GetDatabase().StringSetAsync(ShopKey("signed-in"), "yes")); // as its own user
    }

    private static async Task AssertRefusedAsync(Func<Task> command)
    {
        var refused = await Assert.ThrowsAnyAsync<RedisException>(command);
        Assert.Contains("NOPERM", refused.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_asShop is not null) await _asShop.DisposeAsync();
        var admin = Environment.GetEnvironmentVariable(SharedServers.RedisVariable);
        if (string.IsNullOrWhiteSpace(admin)) return;
        var options = ConfigurationOptions.Parse(admin);
        options.AllowAdmin = true;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        foreach (var account in new[] { _shop, _backoffice })
        {
            await foreach (var key in server.KeysAsync(pattern: $"{account.KeyPrefix}*")) await redis.GetDatabase().KeyDeleteAsync(key);
            await foreach (var key in server.KeysAsync(pattern: $"rl:fw:{{{account.KeyPrefix}*")) await redis.GetDatabase().KeyDeleteAsync(key);
            await redis.GetDatabase().ExecuteAsync("ACL", "DELUSER", account.User);
        }
    }
}
