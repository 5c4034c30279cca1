using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.Testing;

namespace ShopAuthDemo.EndToEnd.Federation;

/// <summary>
/// The local stand-in's broker takes each answer from Northwind once, and only from the browser that asked. (With
/// Keycloak, its own broker does this; its login URLs carry session codes of its own pages, so these requests are
/// the stand-in's.)
/// </summary>
public sealed class BrokerCallbackTests(LocalIdentityAppHost appHost)
{
    private CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_broker_refuses_a_callback_with_an_unknown_state_or_a_replayed_code()
    {
        using var shop = NorthwindSignIns.NewBrowser(appHost.CreateIdentityProviderClient().BaseAddress!);

        // A state the broker never sent (a forged or stale callback).
        using var forged = await shop.GetAsync(QueryHelpers.AddQueryString(NorthwindSignIns.BrokerEndpoint(appHost).AbsoluteUri,
            new Dictionary<string, string?> { ["code"] = "made-up", ["state"] = "not-one-we-sent" }), Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Start again from the sign-in page", await forged.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);

        // A real callback, replayed: the broker takes each state once, and Northwind each code once.
        var callback = await NorthwindCallbackAsync(shop);
        using var accepted = await shop.GetAsync(callback, Cancellation);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        using var replayed = await shop.GetAsync(callback, Cancellation);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);

        // The used code with a new, valid state of the same browser: Northwind refuses the code (invalid_grant).
        var fresh = await NorthwindCallbackAsync(shop);
        var usedCode = QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
        var freshState = QueryHelpers.ParseQuery(fresh.Query)["state"].ToString();
        using var replayedCode = await shop.GetAsync(QueryHelpers.AddQueryString(NorthwindSignIns.BrokerEndpoint(appHost).AbsoluteUri,
            new Dictionary<string, string?> { ["code"] = usedCode, ["state"] = freshState }), Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, replayedCode.StatusCode);
        Assert.Contains("Signing in with Northwind Traders failed", await replayedCode.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    // Starts a brokered sign-in in this browser and signs dave in at Northwind; returns the callback URL Northwind
    // sends the browser to (not yet followed).
    private async Task<Uri> NorthwindCallbackAsync(HttpClient shop)
    {
        using var start = await shop.GetAsync("/realms/shop/broker/northwind/login?returnUrl=%2Frealms%2Fshop%2Flogin-actions%2Fstatus", Cancellation);
        var authorize = start.Headers.Location!;
        using var northwind = NorthwindSignIns.NewBrowser(new Uri(authorize.GetLeftPart(UriPartial.Authority)));
        using var toLogin = await northwind.GetAsync(authorize, Cancellation);
        var loginPage = toLogin.Headers.Location!;
        var page = await (await northwind.GetAsync(loginPage, Cancellation)).Content.ReadAsStringAsync(Cancellation);
        var fields = OidcBrowserFlow.LoginFormFields(page, NorthwindSignIns.Username,
            await appHost.GetParameterValueAsync("dev-user-password", Cancellation));
        using var posted = await northwind.PostAsync(new Uri(authorize, "/realms/northwind/login-actions/authenticate"), new FormUrlEncodedContent(fields), Cancellation);
        using var answered = await northwind.GetAsync(new Uri(authorize, posted.Headers.Location!), Cancellation);
        var callback = answered.Headers.Location!;
        Assert.StartsWith(NorthwindSignIns.BrokerEndpoint(appHost).AbsoluteUri, callback.AbsoluteUri, StringComparison.Ordinal);
        return callback;
    }

}
