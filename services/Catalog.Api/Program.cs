using ShopAuthDemo.Catalog.Api.Apis;
using ShopAuthDemo.Catalog.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Internal: only our services reach it, each showing a certificate of the internal CA (mutual TLS).
builder.RequireClientCertificates();
builder.AddApiProblemDetails();
builder.AddJwtBearerAuthentication();
// catalog-api's own token, for one thing: reading the access rules from policy-api.
builder.AddTokenManagement();
builder.AddApplicationServices();
// OpenAPI description of these routes; the gateway publishes the ones it exposes.
builder.Services.AddOpenApi();

var app = builder.Build();

// Explicit order: the exception handler must wrap authentication, so nothing escapes as a bare 500.
app.UseApiProblemDetails();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
// Anonymous on purpose: the contract is public; every route it describes still checks its caller.
app.MapOpenApi();
app.MapCatalogApi();
app.MapPriceQuotesApi();
app.MapWhoAmI();

app.Run();
