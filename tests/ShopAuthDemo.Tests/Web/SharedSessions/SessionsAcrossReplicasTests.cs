using System.Text;
using ShopAuthDemo.Tests.Web.Support;
using StackExchange.Redis;
using Xunit;

namespace ShopAuthDemo.Tests.Web.SharedSessions;

/// <summary>
/// Scaled out, the sessions live in Redis: any replica serves any signed-in browser, a restart signs nobody
/// out, and a logout that reaches one replica ends the session on all of them.
/// </summary>
public sealed class SessionsAcrossReplicasTests
{
    [Fact]
    public async Task A_session_started_on_one_replica_is_served_by_the_other_and_survives_restarting_both()
    {
        await using var app = new ReplicatedWebApp();
        var a = await app.StartReplicaAsync();
        var b = await app.StartReplicaAsync();

        var cookie = await a.SignInAsync("alice");

        Assert.Equal("alice alice-id sid-of-alice access-token-of-alice", await b.WhoAsync(cookie));
        await app.StopAllAsync();
        var restarted = await app.StartReplicaAsync();
        Assert.Equal("alice alice-id sid-of-alice access-token-of-alice", await restarted.WhoAsync(cookie));
    }

    [Fact]
    public async Task Back_channel_logout_by_sid_on_one_replica_ends_the_session_the_other_created()
    {
        await using var app = new ReplicatedWebApp();
        var a = await app.StartReplicaAsync();
        var b = await app.StartReplicaAsync();
        var alices = await a.SignInAsync("alice");
        var bobs = await a.SignInAsync("bob");

        // What /backchannel-logout does with a valid logout token naming alice's identity-provider session.
        var ended = await b.Sessions.EndForIdentityProviderAsync("sid-of-alice", "alice-id");

        Assert.Single(ended);
        Assert.Null(await a.WhoAsync(alices));
        Assert.Null(await b.WhoAsync(alices));
        Assert.NotNull(await a.WhoAsync(bobs));
    }

    [Fact]
    public async Task Back_channel_logout_by_subject_alone_on_one_replica_ends_every_session_of_the_user()
    {
        await using var app = new ReplicatedWebApp();
        var a = await app.StartReplicaAsync();
        var b = await app.StartReplicaAsync();
        var firstTab = await a.SignInAsync("alice", sid: "sid-1");
        var secondBrowser = await b.SignInAsync("alice", sid: "sid-2");
        var bobs = await a.SignInAsync("bob");

        var ended = await b.Sessions.EndForIdentityProviderAsync(sid: null, sub: "alice-id");

        Assert.Equal(2, ended.Count);
        Assert.Null(await a.WhoAsync(firstTab));
        Assert.Null(await a.WhoAsync(secondBrowser));
        Assert.NotNull(await a.WhoAsync(bobs));
    }

    [Fact]
    public async Task Redis_holds_no_token_in_plain_text_and_every_entry_expires()
    {
        await using var app = new ReplicatedWebApp();
        var a = await app.StartReplicaAsync();
        await a.SignInAsync("alice");
        await a.SignInAsync("bob");

        await using var redis = await RedisServer.ConnectAsync();
        // The app's key ring lies under its prefix too (its Redis user may touch nothing else); its keys carry their own
        // expiry dates inside and must outlive every cookie they protect, so the ring itself never expires.
        var keys = (await RedisServer.KeysAsync(redis, $"{app.Name}:")).Where(key => key != $"{app.Name}:data-protection").ToList();

        Assert.Equal(2, keys.Count(key => key.ToString().Contains(":session:", StringComparison.Ordinal)));
        foreach (var key in keys)
        {
            var text = await ReadAsTextAsync(redis.GetDatabase(), key);
            foreach (var token in new[] { "access-token-of-", "refresh-token-of-", "id-token-of-" })
                Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            Assert.True(await redis.GetDatabase().KeyTimeToLiveAsync(key) > TimeSpan.Zero, $"{key} never expires");
        }
    }

    [Fact]
    public async Task A_session_value_copied_under_another_sessions_name_signs_nobody_in()
    {
        await using var app = new ReplicatedWebApp();
        var a = await app.StartReplicaAsync();
        var alices = await a.SignInAsync("alice");
        var bobs = await a.SignInAsync("bob");
        await using var redis = await RedisServer.ConnectAsync();
        var database = redis.GetDatabase();
        var sessions = (await RedisServer.KeysAsync(redis, $"{app.Name}:session:")).ToList();
        Assert.Equal(2, sessions.Count);

        // Whoever can write to Redis but holds no key ring puts one session's protected value under the other's name.
        await database.StringSetAsync(sessions[1], await database.StringGetAsync(sessions[0]), TimeSpan.FromMinutes(5));

        Assert.Equal(1, new[] { await a.WhoAsync(alices), await a.WhoAsync(bobs) }.Count(who => who is not null));
    }

    // Latin-1 maps every byte to one character: an ASCII token inside binary data is still found.
    private static async Task<string> ReadAsTextAsync(IDatabase database, RedisKey key) =>
        await database.KeyTypeAsync(key) switch
        {
            RedisType.String => Encoding.Latin1.GetString((byte[])(await database.StringGetAsync(key))!),
            RedisType.Set => string.Join("\n", await database.SetMembersAsync(key)),
            var other => throw new InvalidOperationException($"Unexpected {other} at {key}"),
        };
}
