using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using ShopAuthDemo.ServiceDefaults.Authentication;
using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Web.Authentication.Configuration;
using ShopAuthDemo.Web.Authentication.Endpoints;
using ShopAuthDemo.Web.Authentication.Sessions;

namespace ShopAuthDemo.Web.Authentication.OpenIdConnect;

internal static class OpenIdConnectSetup
{
    public static void Configure(OpenIdConnectOptions oidc, TokenClientSettings settings, WebAppSignIn signIn, bool isDevelopment,
        bool servedOnlyOverHttps)
    {
        oidc.Authority = settings.Authority;
        oidc.ClientId = settings.ClientId;
        oidc.ClientSecret = settings.ClientSecret;
        // Plain-http discovery would let anyone on the path hand us their own signing keys.
        oidc.RequireHttpsMetadata = !isDevelopment;
        // With the identity provider down, the sign-in page should say so within seconds, not after the
        // default 60 s wait for its discovery document.
        oidc.BackchannelTimeout = TimeSpan.FromSeconds(10);

        // Authorization code + PKCE: the code is useless to whoever intercepts it without our verifier and secret.
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.UsePkce = true;
        // The code comes back as a top-level GET redirect, which carries SameSite=Lax cookies; form_post
        // would need SameSite=None correlation cookies, which browsers refuse on plain http.
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        BrowserCookies.Apply(oidc.CorrelationCookie, servedOnlyOverHttps);
        BrowserCookies.Apply(oidc.NonceCookie, servedOnlyOverHttps);

        oidc.Scope.Clear();
        foreach (var scope in (string[])["openid", "profile", "email", .. signIn.ApiScopes]) oidc.Scope.Add(scope);

        // Tokens go into the ticket, which ServerSideTicketStore keeps on the server: never in the cookie.
        oidc.SaveTokens = true;
        // The ID token already carries the profile and realm_access.roles; no userinfo round trip.
        oidc.GetClaimsFromUserInfoEndpoint = false;
        // Keep "sub", "sid", "preferred_username" as the identity provider named them.
        oidc.MapInboundClaims = false;
        oidc.TokenValidationParameters.NameClaimType = JwtClaimTypes.PreferredUsername;
        // Roles only from realm_access.roles (KeycloakRoleClaimsTransformation), as in the APIs: a top-level
        // "role" claim in the ID token or from userinfo (a mapper, a user attribute) is not a role here.
        oidc.TokenValidationParameters.RoleClaimType = KeycloakClaimTypes.Role;

        oidc.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            if (context.Properties.Parameters.TryGetValue(Microsoft.Extensions.Hosting.AuthenticationEndpoints.IdTokenHintParameter, out var hint)
                && hint is string idToken)
                context.ProtocolMessage.IdTokenHint = idToken;
            return Task.CompletedTask;
        };

        // The identity provider's answer is in: whatever session the browser still holds must not be continued.
        oidc.Events.OnTicketReceived = context =>
        {
            NewSignIn.MarkUnderway(context.HttpContext, context.Principal);
            return Task.CompletedTask;
        };

        // A failed sign-in (the user cancelled, the identity provider refused, the code expired) gets a page
        // that says so, not an exception page.
        oidc.Events.OnRemoteFailure = context =>
        {
            context.HandleResponse();
            context.Response.Redirect(QueryHelpers.AddQueryString(SignInProblem.Path, "reason", SignInProblem.Failed));
            return Task.CompletedTask;
        };
    }
}
