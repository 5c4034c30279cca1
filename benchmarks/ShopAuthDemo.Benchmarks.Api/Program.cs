using ShopAuthDemo.Benchmarks.Api;

var builder = WebApplication.CreateBuilder(args);

// The same set-up as every service of the shop, so the authenticated twin pays exactly what they pay.
builder.AddServiceDefaults();
builder.AddApiProblemDetails();
builder.AddJwtBearerAuthentication();

var app = builder.Build();

app.UseApiProblemDetails();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapTwinEndpoints();

app.Run();
