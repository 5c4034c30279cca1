using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using OpenIddict.Abstractions;
using ShopAuthDemo.Identity.Local.Endpoints;

namespace ShopAuthDemo.Identity.Local.Logout;

/// <summary>"Do you want to sign out?" — shown when a logout request has no id_token_hint naming this browser's session.</summary>
public static class LogoutConfirmPage
{
    public static IResult Render(HttpContext context, IAntiforgery antiforgery, KeycloakPaths paths, OpenIddictRequest request)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var e = HtmlEncoder.Default;
        string Hidden(string name, string? value) =>
            value is null ? "" : $"""<input type="hidden" name="{e.Encode(name)}" value="{e.Encode(value)}">""";

        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Sign out</title></head>
            <body style="font-family: system-ui, sans-serif; max-width: 26rem; margin: 3rem auto;">
              <p><strong>Development stand-in for Keycloak.</strong></p>
              <h1>Sign out?</h1>
              <p>This ends your session here and in every application you signed in to with it.</p>
              <form method="post" action="{paths.Logout}">
                {Hidden(tokens.FormFieldName, tokens.RequestToken)}
                {Hidden("post_logout_redirect_uri", request.PostLogoutRedirectUri)}
                {Hidden("client_id", request.ClientId)}
                {Hidden("state", request.State)}
                {Hidden("confirm", "yes")}
                <button id="kc-logout" type="submit">Sign out</button>
              </form>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
