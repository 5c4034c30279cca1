using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;
using static ShopAuthDemo.Tests.IdentityLocal.Support.TokenRequests;

namespace ShopAuthDemo.Tests.IdentityLocal;

/// <summary>
/// The user attributes and groups the access rules read: country only through userinfo (never in a token a
/// service forwards), groups in the back office's access tokens and in userinfo, as the realm's mappers say.
/// </summary>
public sealed class UserAttributesAndGroupsTests(LocalIdentityProviderFactory idp) : IClassFixture<LocalIdentityProviderFactory>
{
    private static readonly string Password = LocalIdentityProviderFactory.Secrets["DEV_USER_PASSWORD"];

    private async Task<(JsonWebToken Access, JsonWebToken Id)> SignInAsync(string clientId, string username, string scope)
    {
        var tokens = await RealmClients.SignInAsync(idp, clientId, username, Password, scope);
        return (new JsonWebToken(tokens.GetProperty("access_token").GetString()), new JsonWebToken(tokens.GetProperty("id_token").GetString()));
    }

    [Fact]
    public async Task Userinfo_returns_alices_country_and_sub()
    {
        var (access, _) = await SignInAsync("shop-web", "alice", "openid profile orders");

        var userinfo = await JsonAsync(await UserInfoAsync(idp.CreateClient(), access.EncodedToken));

        Assert.Equal("DE", userinfo.GetProperty("country").GetString());
        Assert.Equal("4c5a7e2e-5a3b-4b0e-9a51-1f2f6b9f0a01", userinfo.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task Country_is_in_no_token()
    {
        var (access, id) = await SignInAsync("shop-web", "bob", "openid profile orders");

        Assert.False(access.TryGetPayloadValue<string>("country", out _), "the access token travels to every API");
        Assert.False(id.TryGetPayloadValue<string>("country", out _));
    }

    [Fact]
    public async Task Carols_back_office_access_token_has_her_group_names_but_no_country()
    {
        var (access, id) = await SignInAsync("backoffice-web", "carol", "openid profile policies");

        Assert.Equal(["pricing-leads"], StringArray(access, "groups"));
        Assert.False(access.TryGetPayloadValue<string>("country", out _));
        Assert.False(id.TryGetPayloadValue<JsonElement>("groups", out _), "groups are not mapped into ID tokens");
        Assert.Contains("policy-api", access.Audiences);
    }

    [Fact]
    public async Task Userinfo_returns_carols_groups_for_the_back_office()
    {
        var (access, _) = await SignInAsync("backoffice-web", "carol", "openid profile");

        var userinfo = await JsonAsync(await UserInfoAsync(idp.CreateClient(), access.EncodedToken));

        Assert.Equal(["pricing-leads"], userinfo.GetProperty("groups").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal("DE", userinfo.GetProperty("country").GetString());
    }

    [Fact]
    public async Task A_user_in_no_group_gets_an_empty_groups_claim_as_from_keycloak()
    {
        var (access, _) = await SignInAsync("backoffice-web", "alice", "openid profile");

        Assert.True(access.TryGetPayloadValue<JsonElement>("groups", out var groups));
        Assert.Equal(0, groups.GetArrayLength());
    }

    [Fact]
    public async Task The_shop_gets_no_groups_scope()
    {
        var (access, _) = await SignInAsync("shop-web", "carol", "openid profile orders");

        Assert.False(access.TryGetPayloadValue<JsonElement>("groups", out _));
    }

    [Fact]
    public async Task Userinfo_refuses_a_token_without_the_openid_scope_as_keycloak_does()
    {
        var token = await AccessTokenAsync(await ClientCredentialsAsync(idp.CreateClient(), "orders-api",
            LocalIdentityProviderFactory.Secrets["ORDERS_API_CLIENT_SECRET"]));

        var response = await UserInfoAsync(idp.CreateClient(), token.EncodedToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("insufficient_scope", response.Headers.WwwAuthenticate.ToString());
    }
}
