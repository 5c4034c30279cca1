using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace ShopAuthDemo.Tests.Web;

/// <summary>Scaled out, a signed-in page needs Redis; when Redis cannot be reached the answer is 503 with what to do, never a 500.</summary>
public sealed class SessionStoreUnreachableTests
{
    [Theory]
    [InlineData("connection")]
    [InlineData("timeout")]
    public async Task A_page_that_cannot_reach_the_session_store_answers_503_and_says_to_try_again(string failure)
    {
        await using var app = await StartAsync(failure == "connection"
            ? new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "no Redis", null, CommandStatus.Unknown)
            : new RedisTimeoutException(CommandFlags.None, "Redis did not answer", CommandStatus.Sent));

        var response = await app.GetTestClient().GetAsync("/orders", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Contains("try again in a moment", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Other_failures_are_left_to_the_error_page()
    {
        await using var app = await StartAsync(new InvalidOperationException("a bug"));

        var response = await app.GetTestClient().GetAsync("/orders", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public void A_web_app_on_redis_has_the_handler_that_answers_503()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration["ConnectionStrings:redis"] = "127.0.0.1:1,abortConnect=false";
        builder.Configuration["Identity:Authority"] = "http://identity.test/realms/shop";
        builder.Configuration["Identity:ClientId"] = "shop-web";
        builder.Configuration["Identity:ClientSecret"] = "test-secret";

        builder.AddWebAuthentication(new ShopAuthDemo.Web.Authentication.Configuration.WebAppSignIn(CookieName: "shop.session", ApiScopes: ["orders"]));

        Assert.Contains(builder.Services, service => service.ServiceType == typeof(Microsoft.AspNetCore.Diagnostics.IExceptionHandler)
            && service.ImplementationType == typeof(ShopAuthDemo.Web.Authentication.Sessions.SessionStoreUnreachableHandler));
    }

    // The web apps' pipeline in small: the exception handler, then a session lookup that fails as Redis would.
    private static async Task<WebApplication> StartAsync(Exception failure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ShopAuthDemo.Web.Authentication.Sessions.SessionStoreUnreachableHandler>();
        var app = builder.Build();
        app.UseExceptionHandler();
        app.Use((HttpContext _, RequestDelegate _) => throw failure);
        await app.StartAsync(TestContext.Current.CancellationToken);
        return app;
    }
}
