using ShopAuthDemo.Gateway.ApiDocs;
using ShopAuthDemo.Gateway.Authorization;
using ShopAuthDemo.Gateway.Headers;
using ShopAuthDemo.Gateway.RateLimiting;
using ShopAuthDemo.Gateway.Routing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiProblemDetails();
// Identity:Audiences: a token for any API behind the gateway; each route narrows it (GatewayPolicies).
builder.AddJwtBearerAuthentication();
builder.AddGatewayPolicies();
builder.AddKnownProxies();
builder.AddPerClientRateLimiting();
builder.AddGatewayReverseProxy();
builder.AddApiExplorer();

var app = builder.Build();

// First, so everything after it sees the caller's address; only with Gateway:ForwardedHeaders:KnownProxies set.
app.UseKnownProxies();
// Explicit order: problem details wrap everything; the rate limiter runs after authentication, so it
// counts a caller by the client in its validated token, and before authorization, so refused calls count too.
app.UseApiProblemDetails();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapApiExplorer();
app.MapReverseProxy();

app.Run();
