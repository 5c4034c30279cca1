using ShopAuthDemo.Benchmarks.Api;

var builder = WebApplication.CreateBuilder(args);

// The same set-up as every service of the shop, so the authenticated twin pays exactly what they pay.
builder.AddServiceDefaults();
builder.AddApiProblemDetails();
builder.AddJwtBearerAuthentication();

var app = builder.Build();

// The gateway publishes GET /catalog/products/** as catalog-api's /api/products/**. A gateway whose catalog-api is
// this API (the driver starts one) thus forwards /catalog/products/anonymous/ping to /anonymous/ping here: the
// smallest route behind the gateway, no database, so the pair measures the gateway's own cost. Routing after the
// prefix is taken off, or it would match the full path.
app.UsePathBase("/api/products");
app.UseRouting();
app.UseApiProblemDetails();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapTwinEndpoints();

app.Run();
