using ShopAuthDemo.Policy.Api.Apis;
using ShopAuthDemo.Policy.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Internal: only our services reach it, each showing a certificate of the internal CA (mutual TLS).
builder.RequireClientCertificates();
builder.AddApiProblemDetails();
builder.AddJwtBearerAuthentication();
builder.AddTokenManagement();
builder.AddApplicationServices();

var app = builder.Build();

// Explicit order: the exception handler must wrap authentication, so nothing escapes as a bare 500.
app.UseApiProblemDetails();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapRulesApi();
app.MapRuleTestsApi();
app.MapWhoAmI();

app.Run();
