using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using ShopAuthDemo.Testing;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;
using static ShopAuthDemo.Tests.IdentityLocal.Support.TokenRequests;

namespace ShopAuthDemo.Tests.IdentityLocal;

/// <summary>
/// auth_time, from the mapper Keycloak 25+ puts in its built-in basic scope, tells a client when the password
/// was last typed: after prompt=login it moves forward, while SSO answers keep it.
/// </summary>
public sealed class AuthTimeTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string Password = LocalIdentityProviderFactory.Secrets["DEV_USER_PASSWORD"];
    private static readonly string ShopRedirect = RealmClients.RedirectUri("shop-web");

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly LocalIdentityProviderFactory _idp;

    public AuthTimeTests() =>
        _idp = new LocalIdentityProviderFactory("http://127.0.0.1:9", RealmFiles.WriteVariant(WithKeycloakBasicScope)) { Clock = _clock };

    public ValueTask DisposeAsync() => _idp.DisposeAsync();

    // Keycloak's built-in basic scope: sub and auth_time.
    private static void WithKeycloakBasicScope(JsonObject realm)
    {
        var basic = realm["clientScopes"]!.AsArray().Single(s => (string?)s!["name"] == "basic")!;
        basic["protocolMappers"]!.AsArray().Add(JsonNode.Parse("""
            {
              "name": "auth_time", "protocol": "openid-connect", "protocolMapper": "oidc-usersessionmodel-note-mapper",
              "config": {
                "user.session.note": "AUTH_TIME", "claim.name": "auth_time", "jsonType.label": "long",
                "id.token.claim": "true", "access.token.claim": "true", "introspection.token.claim": "true"
              }
            }
            """));
    }

    [Fact]
    public async Task Auth_time_moves_forward_after_a_prompt_login_sign_in_and_stays_for_sso()
    {
        var browser = _idp.CreateBrowser();
        var signedInAt = _clock.GetUtcNow().ToUnixTimeSeconds();
        var first = await new OidcBrowserFlow(browser, "shop-web", ShopRedirect).SignInAsync("alice", Password, RealmClients.Secret("shop-web"));
        _clock.Advance(TimeSpan.FromSeconds(30));

        var sso = await new OidcBrowserFlow(browser, "backoffice-web", RealmClients.RedirectUri("backoffice-web"))
            .SignInAsync("alice", Password, RealmClients.Secret("backoffice-web"));
        var again = await SignInAgainAsync(browser, new OidcBrowserFlow(browser, "shop-web", ShopRedirect));

        Assert.Equal(signedInAt, AuthTime(first));
        Assert.Equal(signedInAt, AuthTime(sso));
        Assert.Equal(signedInAt + 35, AuthTime(again));
        Assert.Equal(signedInAt + 35, new JsonWebToken(again.GetProperty("access_token").GetString()).GetPayloadValue<long>("auth_time"));
    }

    private async Task<JsonElement> SignInAgainAsync(HttpClient browser, OidcBrowserFlow flow)
    {
        var prompt = await browser.GetAsync(flow.AuthorizeUrl() + "&prompt=login", Ct);
        var page = await browser.GetStringAsync(prompt.Headers.Location, Ct);
        _clock.Advance(TimeSpan.FromSeconds(5));   // typing the password
        var login = await LoginForm.SubmitOnPageAsync(browser, page, "alice", Password);
        var authorize = await browser.GetAsync(login.Headers.Location, Ct);
        return await JsonAsync(await flow.RedeemAsync(flow.CodeFrom(authorize), RealmClients.Secret("shop-web"), flow.Pkce.Verifier));
    }

    private static long AuthTime(JsonElement tokens) =>
        new JsonWebToken(tokens.GetProperty("id_token").GetString()).GetPayloadValue<long>("auth_time");
}
