using System.Net;
using Microsoft.AspNetCore.Http;
using ShopAuthDemo.Tests.Gateway.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Gateway;

/// <summary>Each calling client has its own budget: one client's burst slows down only that client.</summary>
public sealed class GatewayRateLimitTests : IAsyncLifetime
{
    private const int PermitLimit = 5;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly GatewayHost _gateway = GatewayHost.WithRateLimit(PermitLimit);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _gateway.DisposeAsync();

    private static async Task<List<HttpResponseMessage>> BurstAsync(HttpClient client, string path, int count)
    {
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < count; i++) responses.Add(await client.GetAsync(path, Ct));
        return responses;
    }

    [Fact]
    public async Task A_burst_from_one_partner_gets_429_with_Retry_After_and_another_client_is_unaffected()
    {
        using var partner = _gateway.As(GatewayCallers.Partner);
        var burst = await BurstAsync(partner, "/partner/orders/ready-to-ship", PermitLimit + 3);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, PermitLimit).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)),
            burst.Select(response => response.StatusCode));
        var rejected = burst[^1];
        var retryAfter = rejected.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var problem = await rejected.AssertProblemDetailsAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("Try again in", problem.Detail);
        // Refused calls never reach the service.
        Assert.Equal(PermitLimit, _gateway.Services.ToServices.Count());

        using var alice = _gateway.As(GatewayCallers.Alice);
        Assert.All(await BurstAsync(alice, "/orders", PermitLimit), response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
    }

    [Fact]
    public async Task The_budget_follows_the_client_in_the_token_not_the_user()
    {
        // Two different service accounts of one partner client share the partner's budget.
        using var first = _gateway.As(GatewayCallers.Partner);
        using var second = _gateway.As(GatewayCallers.Partner with { Subject = "another-subject" });

        var statuses = (await BurstAsync(first, "/partner/orders/ready-to-ship", PermitLimit))
            .Concat(await BurstAsync(second, "/partner/orders/ready-to-ship", 1))
            .Select(response => response.StatusCode).ToList();

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Each_person_on_the_api_explorer_has_a_budget_of_their_own()
    {
        // Everyone who signs in on the explorer page shares one public client; one person's loop must not lock out the rest.
        using var alice = _gateway.As(GatewayCallers.AliceOnTheExplorer);
        using var bob = _gateway.As(GatewayCallers.BobOnTheExplorer);

        var alices = await BurstAsync(alice, "/orders", PermitLimit + 1);
        var bobs = await BurstAsync(bob, "/orders", PermitLimit);

        Assert.Equal(HttpStatusCode.TooManyRequests, alices[^1].StatusCode);
        Assert.All(bobs, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
    }

    [Fact]
    public async Task A_forged_X_Forwarded_For_does_not_buy_an_anonymous_caller_a_fresh_budget()
    {
        using var anonymous = _gateway.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < PermitLimit + 1; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/catalog/products");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            using var response = await anonymous.SendAsync(request, Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Behind_a_known_proxy_each_callers_address_has_its_own_budget()
    {
        const string proxy = "10.0.0.5";
        await using var behindProxy = GatewayHost.WithRateLimitBehindProxy(PermitLimit, proxy);
        async Task<int> ViaProxyAsync(string caller)
        {
            var context = await behindProxy.Factory.Server.SendAsync(http =>
            {
                http.Request.Method = "GET";
                http.Request.Path = "/catalog/products";
                http.Request.Headers["X-Forwarded-For"] = caller;
                http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(proxy);
            }, Ct);
            return context.Response.StatusCode;
        }

        var first = new List<int>();
        for (var i = 0; i < PermitLimit + 1; i++) first.Add(await ViaProxyAsync("203.0.113.7"));
        var second = await ViaProxyAsync("203.0.113.8");

        Assert.Equal(StatusCodes.Status429TooManyRequests, first[^1]);
        Assert.Equal(StatusCodes.Status200OK, second);
    }

    [Fact]
    public async Task Anonymous_callers_are_limited_by_address()
    {
        using var anonymous = _gateway.Anonymous();

        var statuses = (await BurstAsync(anonymous, "/catalog/products", PermitLimit + 1)).Select(response => response.StatusCode).ToList();

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(PermitLimit, statuses.Count(status => status == HttpStatusCode.OK));
    }
}
