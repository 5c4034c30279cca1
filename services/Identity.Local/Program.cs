using ShopAuthDemo.Identity.Local.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddLocalIdentityProvider();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapLocalIdentityProvider();

app.Run();
