using System.Net;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Tests.Support;
using ShopAuthDemo.Tests.TokenManagement.Support;
using StackExchange.Redis;
using Xunit;

namespace ShopAuthDemo.Tests.TokenManagement;

/// <summary>
/// Scale-out: replicas of one service share their service tokens through Redis, encrypted with the service's own
/// key ring. Each "replica" is a host of its own (own memory, own identity provider counter) on the real Redis.
/// </summary>
public sealed class SharedTokenCacheTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The application name is the cache's key prefix and names the key ring: unique, so no other test sees ours.
    private readonly string _ordersApi = RedisServer.UniqueName("orders-api");
    private readonly string _paymentsApi = RedisServer.UniqueName("payments-api");
    private readonly List<TokenManagementTestHost> _replicas = [];

    private static readonly TokenCacheKey CatalogToken =
        TokenCacheKey.ClientCredentials(TokenManagementTestHost.ClientId, scope: "catalog", audience: null);

    private TokenManagementTestHost Replica(string applicationName, Action<IServiceCollection>? services = null)
    {
        var redis = RedisServer.Require();
        var replica = new TokenManagementTestHost(
            settings => settings["ConnectionStrings:redis"] = redis, applicationName: applicationName, configureServices: services);
        _replicas.Add(replica);
        return replica;
    }

    private static async Task<HttpResponseMessage> CallCatalogAsync(TokenManagementTestHost replica) =>
        await replica.CreateClient(TokenManagementTestHost.CatalogAsService).GetAsync("/api/catalog/items", Ct);

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas) replica.Dispose();
        await RedisServer.DeleteKeysAsync($"{_ordersApi}:*", $"data-protection:{_ordersApi}", $"{_paymentsApi}:*", $"data-protection:{_paymentsApi}");
    }

    [Fact]
    public async Task A_second_replica_uses_the_token_the_first_fetched_without_asking_the_identity_provider()
    {
        var first = Replica(_ordersApi);
        var second = Replica(_ordersApi);

        await CallCatalogAsync(first);
        var response = await CallCatalogAsync(second);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, first.IdentityProvider.TokenRequestCount);
        Assert.Equal(0, second.IdentityProvider.TokenRequestCount);
        Assert.Equal(["Bearer token-1"], second.Downstream.Calls.Select(call => call.Authorization));
    }

    [Fact]
    public async Task The_token_is_in_Redis_only_encrypted_and_only_until_it_is_due_for_renewal()
    {
        var replica = Replica(_ordersApi);
        replica.IdentityProvider.ExpiresIn = 300; // renewed 30 s early: kept 270 s

        await CallCatalogAsync(replica);

        var stored = await replica.Services.GetRequiredService<IDistributedCache>().GetAsync(CatalogToken.Value, Ct);
        Assert.NotNull(stored);
        var text = Encoding.UTF8.GetString(stored);
        Assert.DoesNotContain("token-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(CachedAccessToken.AccessToken), text, StringComparison.Ordinal);
        var timeToLive = await replica.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase()
            .KeyTimeToLiveAsync($"{_ordersApi}:{CatalogToken.Value}");
        Assert.NotNull(timeToLive);
        Assert.InRange(timeToLive.Value, TimeSpan.FromSeconds(260), TimeSpan.FromSeconds(270));
    }

    [Fact]
    public async Task A_token_a_callee_refused_on_one_replica_is_not_handed_out_by_another()
    {
        var first = Replica(_ordersApi);
        var second = Replica(_ordersApi);
        first.Downstream.Respond = authorization => authorization == "Bearer token-1" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK;

        // token-1 is refused, removed from both levels and replaced by token-2.
        var renewed = await CallCatalogAsync(first);
        var response = await CallCatalogAsync(second);

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bearer token-2"], second.Downstream.Calls.Select(call => call.Authorization));
        Assert.Equal(0, second.IdentityProvider.TokenRequestCount);
    }

    [Fact]
    public async Task A_replica_never_hands_out_a_shared_token_past_its_renewal_time()
    {
        var first = Replica(_ordersApi);
        var second = Replica(_ordersApi);

        await CallCatalogAsync(first);
        // Redis still holds it (its expiry runs on the real clock), but on this replica's clock it is due for renewal.
        second.Time.Advance(TimeSpan.FromSeconds(271));
        await CallCatalogAsync(second);

        Assert.Equal(1, second.IdentityProvider.TokenRequestCount);
    }

    [Fact]
    public async Task Another_service_reading_the_same_entry_cannot_unprotect_it_and_fetches_a_token_of_its_own()
    {
        var ordersReplica = Replica(_ordersApi);
        // payments-api with its own key ring, pointed at orders-api's cache entries on purpose.
        var payments = Replica(_paymentsApi, services =>
            services.PostConfigure<RedisCacheOptions>(options => options.InstanceName = $"{_ordersApi}:"));

        await CallCatalogAsync(ordersReplica);
        var response = await CallCatalogAsync(payments);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, payments.IdentityProvider.TokenRequestCount);
    }
}
