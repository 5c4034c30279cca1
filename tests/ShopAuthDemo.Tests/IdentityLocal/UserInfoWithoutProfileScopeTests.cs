using System.Text.Json.Nodes;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;
using static ShopAuthDemo.Tests.IdentityLocal.Support.TokenRequests;

namespace ShopAuthDemo.Tests.IdentityLocal;

/// <summary>A token whose granted scopes lack profile gets no country from userinfo: the mapper lives in profile.</summary>
public sealed class UserInfoWithoutProfileScopeTests : IAsyncDisposable
{
    private static readonly string Password = LocalIdentityProviderFactory.Secrets["DEV_USER_PASSWORD"];

    // Every client of the shop realm has profile as a default scope; here the shop may ask for it or not.
    private readonly LocalIdentityProviderFactory _idp = new("http://127.0.0.1:9", RealmFiles.WriteVariant(realm =>
    {
        var shop = realm["clients"]!.AsArray().Single(c => (string?)c!["clientId"] == "shop-web")!;
        shop["defaultClientScopes"] = new JsonArray("basic", "email", "roles", "web-origins", "acr");
        shop["optionalClientScopes"] = new JsonArray("orders", "profile");
    }));

    public ValueTask DisposeAsync() => _idp.DisposeAsync();

    [Theory]
    [InlineData("openid email", false)]
    [InlineData("openid email profile", true)]
    public async Task Userinfo_returns_country_only_when_the_token_has_the_profile_scope(string scope, bool expected)
    {
        var tokens = await RealmClients.SignInAsync(_idp, "shop-web", "alice", Password, scope);

        var userinfo = await JsonAsync(await UserInfoAsync(_idp.CreateClient(), tokens.GetProperty("access_token").GetString()!));

        Assert.Equal(expected, userinfo.TryGetProperty("country", out _));
        Assert.Equal(expected, userinfo.TryGetProperty("preferred_username", out _));
        Assert.Equal("4c5a7e2e-5a3b-4b0e-9a51-1f2f6b9f0a01", userinfo.GetProperty("sub").GetString());
    }
}
