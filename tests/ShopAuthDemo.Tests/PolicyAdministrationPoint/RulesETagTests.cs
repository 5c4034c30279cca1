using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ShopAuthDemo.Tests.PolicyAdministrationPoint.Support;
using Xunit;

namespace ShopAuthDemo.Tests.PolicyAdministrationPoint;

// The services poll GET /api/rules every few seconds with the ETag they hold: 304 until the rules change.
public sealed class RulesETagTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly PolicyApiHost policy = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => policy.DisposeAsync();

    private async Task<HttpResponseMessage> PollAsync(string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rules");
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await policy.As(PolicyTokens.OrdersService).SendAsync(request, Ct);
    }

    [Fact]
    public async Task The_etag_is_the_strong_version_number()
    {
        using var response = await policy.As(PolicyTokens.OrdersService).GetAsync("/api/rules", Ct);

        Assert.Equal(new EntityTagHeaderValue("\"1\"", isWeak: false), response.Headers.ETag);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("version").GetInt64());
    }

    [Theory]
    [InlineData("\"1\"")]
    [InlineData("W/\"1\"")]
    [InlineData("\"7\", \"1\"")]
    [InlineData("*")]
    public async Task A_matching_If_None_Match_is_304_with_no_body(string ifNoneMatch)
    {
        using var response = await PollAsync(ifNoneMatch);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Theory]
    [InlineData("\"0\"")]
    [InlineData("\"11\"")]
    [InlineData("1")]
    public async Task Another_version_gets_the_rules(string ifNoneMatch)
    {
        using var response = await PollAsync(ifNoneMatch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task After_a_change_the_old_etag_gets_the_new_rules_and_the_new_one_304()
    {
        await policy.As(PolicyTokens.Carol).SendJsonAsync(HttpMethod.Put, "/api/rules/3/enabled", new { enabled = true }, HttpStatusCode.OK);

        using var stale = await PollAsync("\"1\"");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal("\"2\"", stale.Headers.ETag?.ToString());
        using var current = await PollAsync("\"2\"");
        Assert.Equal(HttpStatusCode.NotModified, current.StatusCode);
    }

    [Fact]
    public async Task A_refused_caller_learns_nothing_from_If_None_Match()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rules");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"1\"");

        using var response = await policy.As(PolicyTokens.Alice).SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Headers.ETag);
    }
}
