using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Tests.Federation.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Federation;

/// <summary>
/// What a partner's identity provider may and may not decide about its users here: it cannot pick the company,
/// move a user onto another user's email later, or send a username that is none; a fresh sign-in asked of the shop
/// is asked of it too; and a malformed answer from it is a clear page, never a 500.
/// </summary>
public sealed class BrokeredUserRulesTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly BrokerWithFakeNorthwind _broker = new();

    public ValueTask DisposeAsync() => _broker.DisposeAsync();

    private LocalRealm Realm => _broker.Shop.Services.GetRequiredService<LocalRealm>();

    private async Task<HttpResponseMessage> SignInAsync(Action<System.Text.Json.Nodes.JsonObject>? change = null)
    {
        var signIn = await _broker.StartAsync();
        return await _broker.ReturnWithAsync(signIn, _broker.Northwind.SignedWithPublishedKey(FakeNorthwind.Claims(signIn.Nonce, change)));
    }

    [Fact]
    public async Task The_company_is_the_one_realm_shop_pins_whatever_northwind_asserts()
    {
        var response = await SignInAsync(claims => claims["company"] = "ACME Logistics");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["Northwind Traders"], Realm.FindPerson("northwind.dave")!.Attributes["company"]);
    }

    [Fact]
    public async Task The_email_is_stored_trimmed_in_lower_case_and_verified_because_the_realm_trusts_northwind_for_it()
    {
        await SignInAsync(claims => claims["email"] = " Dave@Northwind.Example ");

        var dave = Realm.FindPerson("northwind.dave")!;
        Assert.Equal("dave@northwind.example", dave.Email);
        Assert.True(dave.EmailVerified);
    }

    [Fact]
    public async Task A_later_sign_in_cannot_move_dave_onto_alices_email()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync()).StatusCode);

        // syncMode FORCE re-imports at every sign-in: under the same uniqueness rule as the first one.
        var moved = await SignInAsync(claims => claims["email"] = "ALICE@shop.example");

        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        Assert.Equal("dave@northwind.example", Realm.FindPerson("northwind.dave")!.Email);
    }

    [Theory]
    [InlineData("a/../b")]
    [InlineData("dave smith")]
    [InlineData("dåve")]
    public async Task A_username_that_is_no_valid_username_is_refused(string preferredUsername)
    {
        var response = await SignInAsync(claims => claims["preferred_username"] = preferredUsername);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("username cannot be used here", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
        Assert.DoesNotContain(Realm.Users, u => u.Username.StartsWith("northwind.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("not json")]
    [InlineData("""{ "id_token": 42 }""")]
    public async Task A_malformed_token_response_is_a_502_page(string body)
    {
        _broker.Northwind.TokenResponseBody = body;
        var signIn = await _broker.StartAsync();

        var response = await _broker.ReturnWithAsync(signIn, "unused");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("cannot be reached right now", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)));
    }

    [Fact]
    public async Task A_fresh_sign_in_is_asked_of_northwind_and_an_old_one_from_it_is_refused()
    {
        // The authorization request the shop waits for asked for a fresh sign-in (the authorize endpoint marks it).
        var waiting = "/realms/shop/protocol/openid-connect/auth?client_id=shop-web&reauth_marker=abc";
        var signIn = await _broker.StartAsync(returnUrl: waiting);
        Assert.Equal("login", QueryHelpers.ParseQuery(signIn.Redirect.Query)["prompt"].ToString());

        var hourAgo = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds();
        var response = await _broker.ReturnWithAsync(signIn,
            _broker.Northwind.SignedWithPublishedKey(FakeNorthwind.Claims(signIn.Nonce, claims => claims["auth_time"] = hourAgo)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        // An ordinary sign-in leaves Northwind's session alone: no prompt.
        var ordinary = await _broker.StartAsync();
        Assert.False(QueryHelpers.ParseQuery(ordinary.Redirect.Query).ContainsKey("prompt"));
    }
}
