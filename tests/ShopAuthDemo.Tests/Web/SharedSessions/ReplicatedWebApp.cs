using ShopAuthDemo.Tests.Web.Support;

namespace ShopAuthDemo.Tests.Web.SharedSessions;

/// <summary>
/// Replicas of one web app on the real Redis, as the AppHost runs them scaled out: the same application name
/// (one data-protection key ring, one session store) and ConnectionStrings:redis. A name of its own per test;
/// everything under it is deleted afterwards.
/// </summary>
public sealed class ReplicatedWebApp : IAsyncDisposable
{
    private readonly string _redis = RedisServer.Configuration();
    private readonly List<WebSignInHost> _running = [];

    public string Name { get; } = $"shop-web-test-{Guid.NewGuid():N}";

    public async Task<WebSignInHost> StartReplicaAsync()
    {
        var replica = await WebSignInHost.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:redis"] = _redis },
            applicationName: Name);
        _running.Add(replica);
        return replica;
    }

    /// <summary>Every replica stops: nothing of the app is left in any process's memory.</summary>
    public async Task StopAllAsync()
    {
        foreach (var replica in _running) await replica.DisposeAsync();
        _running.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAllAsync();
        await RedisServer.DeleteAsync($"{Name}:");
        await RedisServer.DeleteAsync($"data-protection:{Name}");
    }
}
