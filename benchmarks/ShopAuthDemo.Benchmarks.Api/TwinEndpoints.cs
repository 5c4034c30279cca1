using Microsoft.AspNetCore.Http.HttpResults;

namespace ShopAuthDemo.Benchmarks.Api;

public static class TwinEndpoints
{
    // One handler behind two routes: the only difference is the authorization requirement, so the ratio of
    // their throughput is what authenticating a request costs (issue 7 asks for >= 90 %).
    public static IEndpointRouteBuilder MapTwinEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/anonymous/ping", Ping).AllowAnonymous();
        app.MapGet("/authenticated/ping", Ping).RequireAuthorization();
        return app;
    }

    private static Ok<Pong> Ping() => TypedResults.Ok(new Pong("pong"));
}

public sealed record Pong(string Answer);
