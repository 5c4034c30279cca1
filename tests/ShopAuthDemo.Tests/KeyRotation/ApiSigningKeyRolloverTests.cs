using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using ShopAuthDemo.Tests.KeyRotation.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;
using static ShopAuthDemo.Tests.IdentityLocal.Support.TokenRequests;

namespace ShopAuthDemo.Tests.KeyRotation;

/// <summary>
/// catalog-api, unchanged and not restarted, meets tokens signed with a key the identity provider has just
/// started using. An unknown kid makes the JWT handler fetch the discovery document and JWKS again, once.
/// </summary>
/// <remarks>
/// Left to itself, Microsoft.IdentityModel 8.x refreshes in the background and refuses the requests that
/// arrive meanwhile (measured: 1 to 50 of 50 concurrent requests got 401). The validated-token cache waits
/// up to 2 s, shared, for the new kid to appear (TokenCache/NewSigningKeyWait.cs), so the requests that
/// meet the new kid succeed. After one refresh, another is honoured only once <c>RefreshInterval</c> (30 s
/// in ServiceDefaults) has passed.
/// </remarks>
public sealed class ApiSigningKeyRolloverTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string OrdersApiSecret = LocalIdentityProviderFactory.Secrets["ORDERS_API_CLIENT_SECRET"];

    private readonly LocalIdentityProviderFactory idp = new();
    private readonly MetadataRequestCounter metadata;
    private readonly CatalogApiTrustingIdentityLocal catalog;

    public ApiSigningKeyRolloverTests()
    {
        metadata = new MetadataRequestCounter(idp.Server.CreateHandler());
        catalog = new CatalogApiTrustingIdentityLocal(metadata);
    }

    [Fact]
    public async Task Api_accepts_the_new_key_without_restart_after_exactly_one_metadata_refresh()
    {
        var before = await CatalogTokenAsync();
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(before));
        Assert.Equal((1, 1), (metadata.Discovery, metadata.Jwks));

        await RealmKeys.RotateAsync(idp);
        var after = await CatalogTokenAsync();
        var firstBurst = await BurstAsync(after);
        await WaitUntilAcceptedAsync(after);
        var secondBurst = await BurstAsync(after);

        Assert.All(firstBurst, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.All(secondBurst, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(before));
        await metadata.WaitUntilQuietAsync(TimeSpan.FromMilliseconds(300), Ct);
        Assert.Equal((2, 2), (metadata.Discovery, metadata.Jwks));
    }

    [Fact]
    public async Task The_request_that_meets_the_new_kid_first_waits_for_the_new_keys_and_succeeds()
    {
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(await CatalogTokenAsync()));
        await RealmKeys.RotateAsync(idp);
        var after = await CatalogTokenAsync();

        var first = await WhoAmIAsync(after);

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(2, metadata.Jwks);
    }

    [Fact]
    public async Task Tokens_with_unknown_kids_are_401_and_cost_at_most_one_metadata_refresh()
    {
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(await CatalogTokenAsync()));
        using var attackerKey = RSA.Create(2048);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => WhoAmIAsync(SignedWithUnknownKid(attackerKey))));
        await metadata.WaitUntilQuietAsync(TimeSpan.FromMilliseconds(300), Ct);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.InRange(metadata.Jwks, 1, 2);
        Assert.Equal(metadata.Jwks, metadata.Discovery);
    }

    [Fact]
    public async Task Key_rotated_soon_after_an_earlier_refresh_is_refused_until_the_refresh_interval_passes()
    {
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(await CatalogTokenAsync()));
        using var attackerKey = RSA.Create(2048);
        // One forged kid spends the refresh; until RefreshInterval (30 s) has passed the API cannot see a
        // key rotated in that time. The interval is the price of not letting forged kids flood the IdP.
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(SignedWithUnknownKid(attackerKey)));
        await metadata.WaitUntilQuietAsync(TimeSpan.FromMilliseconds(300), Ct);
        await RealmKeys.RotateAsync(idp);
        var after = await CatalogTokenAsync();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            statuses.Add(await WhoAmIAsync(after));
            await Task.Delay(100, Ct);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(2, metadata.Jwks);
    }

    private async Task<string> CatalogTokenAsync() =>
        (await AccessTokenAsync(await ClientCredentialsAsync(idp.CreateClient(), "orders-api", OrdersApiSecret, "catalog"))).EncodedToken;

    // A well-formed token for catalog-api from the right issuer, but signed by a key the identity provider never had.
    private static string SignedWithUnknownKid(RSA attackerKey) => TestTokenIssuer.CreateToken(
        TestToken.Customer with { Issuer = LocalIdentityProviderFactory.Issuer },
        new RsaSecurityKey(attackerKey) { KeyId = Guid.NewGuid().ToString("N") });

    private Task<HttpStatusCode[]> BurstAsync(string token) =>
        Task.WhenAll(Enumerable.Range(0, 50).Select(_ => WhoAmIAsync(token)));

    private async Task WaitUntilAcceptedAsync(string token)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        HttpStatusCode status;
        while ((status = await WhoAmIAsync(token)) != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Ct);
        }

        Assert.Equal(HttpStatusCode.OK, status);
    }

    private async Task<HttpStatusCode> WhoAmIAsync(string token)
    {
        using var response = await catalog.CreateClient().WithBearer(token).GetAsync("/whoami", Ct);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await catalog.DisposeAsync();
        await idp.DisposeAsync();
    }
}
