using ShopAuthDemo.Backoffice.Web.Components;
using ShopAuthDemo.Backoffice.Web.Extensions;
using ShopAuthDemo.Web.Authentication.Configuration;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
// Sign-in as client "backoffice-web": same identity provider session as the shop (SSO), its own cookie. One
// access token for the three APIs staff use: orders-api, catalog-api (prices) and policy-api (access rules).
// Only the back office asks for scope "policies": a token stolen from the shop cannot reach policy-api.
builder.AddWebAuthentication(new WebAppSignIn(CookieName: "backoffice.session", ApiScopes: ["orders", "catalog", "policies"]));
builder.AddBackofficeServices();
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
