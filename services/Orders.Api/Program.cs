using ShopAuthDemo.Orders.Api.Apis;
using ShopAuthDemo.Orders.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiProblemDetails();
builder.AddJwtBearerAuthentication();
builder.AddTokenManagement();
builder.AddApplicationServices();

var app = builder.Build();

app.UseApiProblemDetails();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapOrdersApi();
app.MapIdentityChainApi();

app.Run();
