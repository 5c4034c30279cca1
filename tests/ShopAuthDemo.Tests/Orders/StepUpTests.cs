using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ShopAuthDemo.Tests.Orders.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Orders;

/// <summary>
/// The seeded step-up rule on the real endpoint: orders above 100 need a sign-in within the last 5 minutes,
/// or orders-api answers with an RFC 9470 challenge the shop can act on. The clock is a fake one.
/// </summary>
public sealed class StepUpTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Whole seconds, as auth_time has them.
    private readonly FakeTimeProvider clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly OrdersApiHost host = new();

    public StepUpTests() => host.ConfigureServices = services => services.AddSingleton<TimeProvider>(clock);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => host.DisposeAsync();

    private HttpClient AliceSignedIn(TimeSpan ago) => host.As(OrderTokens.Alice with { AuthTime = clock.GetUtcNow() - ago });

    [Fact]
    public async Task Large_order_after_an_old_sign_in_is_a_step_up_challenge_and_nothing_is_placed_or_charged()
    {
        using var alice = AliceSignedIn(TimeSpan.FromSeconds(301));

        using var response = await alice.PlaceOrderAsync(quantity: 11);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(
            """Bearer error="insufficient_user_authentication", error_description="A more recent sign-in is required", max_age=300""",
            Assert.Single(response.Headers.GetValues("WWW-Authenticate")));
        Assert.Equal(300, ((JsonElement)problem.Extensions["maxAge"]!).GetInt32());
        Assert.Equal("Large orders need a recent sign-in", ((JsonElement)problem.Extensions["rule"]!).GetString());
        Assert.Contains("Sign in again", problem.Detail);
        Assert.Equal(0, await alice.CountMyOrdersAsync());
        Assert.Equal(0, host.Downstream.PaymentCalls());
    }

    [Fact]
    public async Task Sign_in_exactly_five_minutes_ago_places_the_large_order()
    {
        using var response = await AliceSignedIn(TimeSpan.FromMinutes(5)).PlaceOrderAsync(quantity: 11);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Order_of_exactly_the_step_up_amount_needs_no_recent_sign_in()
    {
        using var response = await AliceSignedIn(TimeSpan.FromHours(8)).PlaceOrderAsync(quantity: 10);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(100m, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("total").GetDecimal());
    }

    [Fact]
    public async Task After_signing_in_again_the_same_order_is_placed()
    {
        using var refused = await AliceSignedIn(TimeSpan.FromMinutes(30)).PlaceOrderAsync(quantity: 11);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        // The shop sent alice back to the identity provider with max_age=300; her new token says she just signed in.
        clock.Advance(TimeSpan.FromSeconds(20));
        using var placed = await AliceSignedIn(TimeSpan.FromSeconds(10)).PlaceOrderAsync(quantity: 11);

        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
    }

    [Fact]
    public async Task Token_without_auth_time_gets_the_challenge_for_a_large_order()
    {
        using var response = await host.As(OrderTokens.Alice with { WithoutAuthTime = true }).PlaceOrderAsync(quantity: 11);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("insufficient_user_authentication", Assert.Single(response.Headers.GetValues("WWW-Authenticate")));
    }
}
