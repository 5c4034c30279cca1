using ShopAuthDemo.Partner.Shipping.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Identity:ClientId partner-acme and its secret. A real partner would use any OAuth client library:
// all it needs from the shop is the token endpoint, its client id and secret, and the gateway's address.
builder.AddTokenManagement();
builder.AddShippingPartner();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
