using ShopAuthDemo.Orders.Api.Apis;
using ShopAuthDemo.Orders.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Internal: only our services reach it, each showing a certificate of the internal CA (mutual TLS).
builder.RequireClientCertificates();
builder.AddApiProblemDetails();
builder.AddJwtBearerAuthentication();
builder.AddTokenManagement();
builder.AddApplicationServices();

var app = builder.Build();

app.UseApiProblemDetails();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
// Anonymous on purpose: the contract is public; every route it describes still checks its caller.
app.MapOpenApi();
app.MapOrdersApi();
app.MapPartnerShippingApi();
app.MapIdentityChainApi();
app.MapAccessDecisionsApi();

app.Run();
