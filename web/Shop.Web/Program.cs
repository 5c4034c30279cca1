using ShopAuthDemo.Shop.Web.Components;
using ShopAuthDemo.Shop.Web.Extensions;
using ShopAuthDemo.Web.Authentication.Configuration;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Sign-in as client "shop-web"; its access token is for orders-api only (scope orders): the catalog is
// browsed anonymously, so the shop asks for no token catalog-api would accept.
builder.AddWebAuthentication(new WebAppSignIn(CookieName: "shop.session", ApiScopes: ["orders"]));
builder.AddShopServices();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();

app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapWebAuthenticationEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AddAdditionalAssemblies(typeof(WebAppSignIn).Assembly);

app.Run();
