using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using ShopAuthDemo.Testing;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Gateway;

/// <summary>
/// The realm's api-explorer client, as the Scalar page on the gateway uses it: a public client (a page in
/// the browser keeps no secret), so the code is bound to the page by PKCE instead.
/// </summary>
public sealed class ApiExplorerClientTests(LocalIdentityProviderFactory idp) : IClassFixture<LocalIdentityProviderFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string RedirectUri = LocalIdentityProviderFactory.GatewayUrl + "/scalar/";
    private static readonly string Password = LocalIdentityProviderFactory.Secrets["DEV_USER_PASSWORD"];

    private async Task<HttpResponseMessage> RedeemAsync(OidcBrowserFlow flow, string code, string? verifier) =>
        await idp.CreateClient().PostAsync("/realms/shop/protocol/openid-connect/token", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = code,
                ["redirect_uri"] = RedirectUri,
                ["client_id"] = "api-explorer",
            }.Concat(verifier is null ? [] : [new KeyValuePair<string, string>("code_verifier", verifier)])), Ct);

    [Fact]
    public async Task Alice_signs_in_on_the_explorer_page_with_pkce_and_no_secret_and_gets_an_orders_token()
    {
        var flow = new OidcBrowserFlow(idp.CreateBrowser(), "api-explorer", RedirectUri);
        var code = await flow.GetCodeAsync("alice", Password, "openid orders");

        using var response = await RedeemAsync(flow, code, flow.Pkce.Verifier);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tokens = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        var access = new JsonWebToken(tokens.GetProperty("access_token").GetString());
        Assert.Equal("api-explorer", access.GetClaim("azp").Value);
        Assert.Contains("orders-api", access.Audiences);
        Assert.Equal("alice", access.GetClaim("preferred_username").Value);
    }

    [Fact]
    public async Task A_stolen_code_without_the_pages_verifier_gets_no_token()
    {
        var flow = new OidcBrowserFlow(idp.CreateBrowser(), "api-explorer", RedirectUri);
        var code = await flow.GetCodeAsync("alice", Password, "openid orders");

        using var response = await RedeemAsync(flow, code, verifier: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
