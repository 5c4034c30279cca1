using Xunit;
using System.Net;
using System.Text.Json;
using ShopAuthDemo.Testing;
using ShopAuthDemo.Tests.IdentityLocal.Support;

namespace ShopAuthDemo.Tests.IdentityLocal;

public sealed class DiscoveryTests(LocalIdentityProviderFactory idp) : IClassFixture<LocalIdentityProviderFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_lists_keycloak_paths_for_realm_shop()
    {
        var json = await GetJsonAsync("/realms/shop/.well-known/openid-configuration");

        const string oidc = LocalIdentityProviderFactory.Issuer + "/protocol/openid-connect";
        Assert.Equal(LocalIdentityProviderFactory.Issuer, json.GetProperty("issuer").GetString());
        Assert.Equal(oidc + "/auth", json.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(oidc + "/token", json.GetProperty("token_endpoint").GetString());
        Assert.Equal(oidc + "/userinfo", json.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal(oidc + "/logout", json.GetProperty("end_session_endpoint").GetString());
        Assert.Equal(oidc + "/certs", json.GetProperty("jwks_uri").GetString());
        Assert.Equal(["S256"], json.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("urn:ietf:params:oauth:grant-type:token-exchange",
            json.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Jwks_serves_an_rs256_signing_key()
    {
        var json = await GetJsonAsync("/realms/shop/protocol/openid-connect/certs");

        var key = Assert.Single(json.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
        Assert.False(key.TryGetProperty("d", out _), "the private exponent must never be published");
    }

    [Fact]
    public async Task Login_page_says_it_is_a_development_stand_in()
    {
        var page = await idp.CreateBrowser().GetStringAsync("/realms/shop/login-actions/authenticate?returnUrl=/realms/shop/login-actions/status", Ct);

        Assert.Contains("Development stand-in for Keycloak", page);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await idp.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
