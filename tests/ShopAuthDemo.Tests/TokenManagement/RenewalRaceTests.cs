using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Tests.TokenManagement.Support;
using Xunit;

namespace ShopAuthDemo.Tests.TokenManagement;

/// <summary>
/// A token the callee refused (401) is removed from the cache and a new one fetched. Whoever fetched the
/// refused token in the first place may still be finishing its own call: nothing it does may put that
/// token back, or every caller would send it again until the next 401.
/// </summary>
public sealed class RenewalRaceTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TokenManagementTestHost _host = new();
    private readonly TaskCompletionSource _firstTokenResponse = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _issued;

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_renewal_after_a_401_is_not_undone_by_the_caller_that_fetched_the_refused_token()
    {
        var cache = _host.Services.GetRequiredService<AccessTokenCache>();
        var key = TokenCacheKey.ClientCredentials(TokenManagementTestHost.ClientId, "catalog", audience: null);
        var paused = new PausedContinuations();

        // The first caller asks for a token; it is paused the moment token-1 reaches it.
        var first = paused.Start(() => cache.GetOrRequestAsync(key, RequestAsync, Ct));
        _firstTokenResponse.SetResult();
        await paused.Reached.Task.WaitAsync(Ct);
        // Meanwhile the callee refused token-1 on another request, which renews.
        var renewed = await cache.RenewAsync(key, RequestAsync, Ct);
        paused.Release();

        Assert.Equal("token-1", await first);
        Assert.Equal("token-2", renewed);
        Assert.Equal("token-2", await cache.GetOrRequestAsync(key, RequestAsync, Ct));
        Assert.Equal(2, _issued);
    }

    // The identity provider: token-1 is held until the test lets it go, so the first caller is surely waiting for it.
    private async Task<CachedAccessToken> RequestAsync(CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _issued);
        if (number == 1)
        {
            await _firstTokenResponse.Task.WaitAsync(cancellationToken);
        }
        return CachedAccessToken.Issued($"token-{number}", expiresInSeconds: 300, _host.Time.GetUtcNow());
    }
}
