using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.WebUtilities;
using ShopAuthDemo.Identity.Local.Realm;

namespace ShopAuthDemo.Identity.Local.Login;

/// <summary>The sign-in form. It says plainly that this is the development stand-in, not Keycloak.</summary>
public static class LoginPage
{
    public static IResult Render(HttpContext context, IAntiforgery antiforgery, LocalRealm realm,
        string returnUrl, string? username = null, string? error = null, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var e = HtmlEncoder.Default;
        var errorHtml = error is null ? "" : $"""<p class="error" role="alert">{e.Encode(error)}</p>""";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8"><link rel="icon" href="data:,"><title>Sign in to {e.Encode(realm.Settings.DisplayName)}</title>
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <style>
                body {"{"} font-family: system-ui, sans-serif; max-width: 26rem; margin: 3rem auto; padding: 0 1rem; {"}"}
                .banner {"{"} background: #fff3cd; border: 1px solid #e0c36a; padding: .75rem; border-radius: .4rem; {"}"}
                .error {"{"} color: #a40000; {"}"}
                label, input, button {"{"} display: block; width: 100%; margin-top: .5rem; font-size: 1rem; {"}"}
                input, button {"{"} padding: .5rem; box-sizing: border-box; {"}"}
              </style>
            </head>
            <body>
              <p class="banner"><strong>Development stand-in for Keycloak.</strong>
                This is ShopAuthDemo's local OpenID Connect server (Identity.Local), used because no container
                runtime is available for Keycloak. Not for production.</p>
              <h1>Sign in to {e.Encode(realm.Settings.DisplayName)}</h1>
              {errorHtml}
              <form method="post" action="{realm.Paths.Login}">
                <input type="hidden" name="{e.Encode(tokens.FormFieldName)}" value="{e.Encode(tokens.RequestToken ?? "")}">
                <input type="hidden" name="returnUrl" value="{e.Encode(returnUrl)}">
                <label for="username">Username</label>
                <input id="username" name="username" autocomplete="username" required autofocus value="{e.Encode(username ?? "")}">
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <button id="kc-login" type="submit">Sign in</button>
              </form>
              {IdentityProviderLinks(realm, returnUrl)}
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    // "Sign in with Northwind Traders": one link per identity provider the realm brokers (Keycloak's social links).
    private static string IdentityProviderLinks(LocalRealm realm, string returnUrl)
    {
        var shown = realm.IdentityProviders.Where(p => !p.HideOnLogin).ToList();
        if (shown.Count == 0) return "";
        var e = HtmlEncoder.Default;
        var links = shown.Select(p =>
            $"""<li><a id="social-{e.Encode(p.Alias)}" href="{e.Encode(QueryHelpers.AddQueryString(realm.Paths.BrokerLogin(p.Alias), "returnUrl", returnUrl))}">Sign in with {e.Encode(p.DisplayName)}</a></li>""");
        return $"""<h2>Or sign in with your company</h2><ul class="providers">{string.Concat(links)}</ul>""";
    }
}
