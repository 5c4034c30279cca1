using System.Collections.Concurrent;

namespace ShopAuthDemo.Web.Authentication.BackchannelLogout;

/// <summary>The accepted logout tokens' ids in this process: the embedded default, one replica.</summary>
public sealed class InMemoryLogoutTokenReplayCache(TimeProvider time) : ILogoutTokenReplayCache
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    public Task<bool> TryRememberAsync(string jti, DateTimeOffset keepUntil)
    {
        var now = time.GetUtcNow();
        foreach (var expired in _seen.Where(entry => entry.Value <= now)) _seen.TryRemove(expired);
        return Task.FromResult(_seen.TryAdd(jti, keepUntil));
    }

    public Task ForgetAsync(string jti)
    {
        _seen.TryRemove(jti, out _);
        return Task.CompletedTask;
    }
}
