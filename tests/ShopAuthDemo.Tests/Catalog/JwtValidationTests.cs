using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Catalog;

// The negative JWT suite: every token the API must not accept ends in 401, never in a 500.
public sealed class JwtValidationTests(CatalogApiHost catalog) : IClassFixture<CatalogApiHost>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Valid_token_is_accepted()
    {
        Assert.Equal(HttpStatusCode.OK, await WhoAmIStatusAsync(catalog.Tokens.CreateToken(TestToken.Customer)));
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")]
    [InlineData("eyJ.eyJ.")]
    public async Task Malformed_token_is_401_not_500(string token)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIStatusAsync(token));
    }

    [Fact]
    public async Task Unsigned_token_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIStatusAsync(TestTokenIssuer.CreateUnsignedToken(TestToken.Admin)));
    }

    [Fact]
    public async Task Token_signed_with_unknown_key_is_401()
    {
        using var otherKey = RSA.Create(2048);
        var token = TestTokenIssuer.CreateToken(TestToken.Admin, new RsaSecurityKey(otherKey) { KeyId = "test-signing-key" });

        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIStatusAsync(token));
    }

    [Fact]
    public async Task Token_with_unexpected_algorithm_is_401()
    {
        // Same trusted key, but RS384: only the pinned algorithm list rejects it.
        var token = catalog.Tokens.CreateToken(TestToken.Admin with { Algorithm = SecurityAlgorithms.RsaSha384 });

        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIStatusAsync(token));
    }

    [Fact]
    public async Task Token_from_another_issuer_is_401()
    {
        var token = catalog.Tokens.CreateToken(TestToken.Admin with { Issuer = "http://identity.test/realms/other" });

        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIStatusAsync(token));
    }

    [Fact]
    public async Task Expired_token_is_401()
    {
        var token = catalog.Tokens.CreateToken(TestToken.Customer with
        {
            IssuedAt = DateTimeOffset.UtcNow.AddMinutes(-10),
            Lifetime = TimeSpan.FromMinutes(9),
        });

        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIStatusAsync(token));
    }

    [Fact]
    public async Task Token_without_catalog_audience_is_401()
    {
        var token = catalog.Tokens.CreateToken(TestToken.Customer with { Audiences = ["account"] });

        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIStatusAsync(token));
    }

    private async Task<HttpStatusCode> WhoAmIStatusAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await catalog.Anonymous().SendAsync(request, Cancellation);
        return response.StatusCode;
    }
}
