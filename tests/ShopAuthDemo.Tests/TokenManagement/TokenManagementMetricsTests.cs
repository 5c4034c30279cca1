using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Tests.TokenManagement.Support;
using Xunit;

namespace ShopAuthDemo.Tests.TokenManagement;

public sealed class TokenManagementMetricsTests : IDisposable
{
    private readonly TokenManagementTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private MetricCollector<long> Collect(string counter) =>
        new(_host.Services.GetRequiredService<IMeterFactory>(), TokenManagementMetrics.MeterName, counter);

    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);

    [Fact]
    public async Task Token_requests_and_cache_hits_are_counted()
    {
        using var requests = Collect(TokenManagementMetrics.RequestsCounterName);
        using var cacheHits = Collect(TokenManagementMetrics.CacheHitsCounterName);
        var client = _host.CreateClient(TokenManagementTestHost.CatalogAsService);

        for (var call = 0; call < 3; call++)
        {
            await client.GetAsync("/api/catalog/items", TestContext.Current.CancellationToken);
        }

        var request = Assert.Single(requests.GetMeasurementSnapshot());
        Assert.Equal(1, request.Value);
        Assert.True(request.ContainsTags(
            Tag("grant_type", "client_credentials"), Tag("client_id", TokenManagementTestHost.ClientId),
            Tag("scope", "catalog"), Tag("outcome", "success")));
        Assert.Equal(2, cacheHits.GetMeasurementSnapshot().Sum(hit => hit.Value));
        Assert.All(cacheHits.GetMeasurementSnapshot(), hit => Assert.True(hit.ContainsTags(
            Tag("grant_type", "client_credentials"), Tag("scope", "catalog"))));
    }

    [Fact]
    public async Task Failed_token_request_is_counted_with_its_error()
    {
        using var requests = Collect(TokenManagementMetrics.RequestsCounterName);
        _host.IdentityProvider.FailNext(HttpStatusCode.Unauthorized, "unauthorized_client", "Invalid client credentials");

        await Assert.ThrowsAsync<TokenRequestException>(() => _host.CreateClient(TokenManagementTestHost.CatalogAsService)
            .GetAsync("/api/catalog/items", TestContext.Current.CancellationToken));

        var request = Assert.Single(requests.GetMeasurementSnapshot());
        Assert.True(request.ContainsTags(Tag("outcome", "failure"), Tag("error.type", "unauthorized_client")));
    }

    [Fact]
    public async Task Exchange_metrics_carry_the_audience_but_never_the_user()
    {
        using var requests = Collect(TokenManagementMetrics.RequestsCounterName);
        _host.SubjectToken.Current = "alice-access-token";

        await _host.CreateClient(TokenManagementTestHost.PaymentsForUser).GetAsync("/api/payments", TestContext.Current.CancellationToken);

        var request = Assert.Single(requests.GetMeasurementSnapshot());
        Assert.True(request.ContainsTags(Tag("grant_type", "token_exchange"), Tag("audience", "payments-api"), Tag("outcome", "success")));
        Assert.All(request.Tags.Values, value => Assert.DoesNotContain("alice", value?.ToString() ?? ""));
    }
}
