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
/// arrive meanwhile (measured: 1 to 50 of 50 concurrent requests got 401). The validated-token cache makes
/// requests with an unknown kid wait, shared, for the next fetch (TokenCache/NewSigningKeyWait.cs), so the
/// requests that meet the new kid succeed. A fetch happens at most once per <c>RefreshInterval</c> (5 s in
/// ServiceDefaults), which bounds what forged kids cost; a forged kid cannot hold the wait. Nor can forged kids
/// hold many requests: at most 100 wait at once, and a kid missing from a fetch made after its token was issued
/// is refused at once.
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

        // Every request of the first burst waits for the new keys (fewer than MaxWaitingForNewKey) and succeeds.
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
    public async Task Tokens_with_unknown_kids_are_401_and_cost_at_most_one_metadata_refresh_per_interval()
    {
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(await CatalogTokenAsync()));
        using var attackerKey = RSA.Create(2048);

        var statuses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => WhoAmIAsync(SignedWithUnknownKid(attackerKey))));
        await metadata.WaitUntilQuietAsync(TimeSpan.FromMilliseconds(300), Ct);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        // One refresh for the burst (the 50 wait for it, shared); a straggler that
        // arrives after it waits for the next one, 5 s (RefreshInterval) later. Never one per forged token.
        Assert.InRange(metadata.Jwks, 2, 3);
        Assert.Equal(metadata.Jwks, metadata.Discovery);
    }

    [Fact]
    public async Task A_forged_kid_does_not_keep_out_a_key_rotated_right_after_it()
    {
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(await CatalogTokenAsync()));
        using var attackerKey = RSA.Create(2048);
        // A forged kid spends the refresh just before the identity provider rotates its key.
        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(SignedWithUnknownKid(attackerKey)));
        await metadata.WaitUntilQuietAsync(TimeSpan.FromMilliseconds(300), Ct);
        await RealmKeys.RotateAsync(idp);
        var after = await CatalogTokenAsync();

        // The first request with the new kid waits for the next fetch (at most RefreshInterval, 5 s) and succeeds.
        // Polled rather than asserted on the first answer so a loaded test machine cannot make it flaky; before
        // the fix the new key stayed refused for 30 s after the forged kid, far beyond this deadline.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await WaitUntilAcceptedAsync(after, TimeSpan.FromSeconds(12));

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(12));
        Assert.InRange(metadata.Jwks, 3, 4);
    }

    private async Task<string> CatalogTokenAsync() =>
        (await AccessTokenAsync(await ClientCredentialsAsync(idp.CreateClient(), "orders-api", OrdersApiSecret, "catalog"))).EncodedToken;

    // A well-formed token for catalog-api from the right issuer, but signed by a key the identity provider never had.
    private static string SignedWithUnknownKid(RSA attackerKey) => TestTokenIssuer.CreateToken(
        TestToken.Customer with { Issuer = LocalIdentityProviderFactory.Issuer },
        new RsaSecurityKey(attackerKey) { KeyId = Guid.NewGuid().ToString("N") });

    private Task<HttpStatusCode[]> BurstAsync(string token) =>
        Task.WhenAll(Enumerable.Range(0, 50).Select(_ => WhoAmIAsync(token)));

    private async Task WaitUntilAcceptedAsync(string token, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(5));
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
