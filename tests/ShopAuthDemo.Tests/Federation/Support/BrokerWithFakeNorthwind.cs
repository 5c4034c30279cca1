using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Identity.Local.Federation;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Federation.Support;

/// <summary>Realm shop in process, brokering a fake Northwind the test plays: each answer can be broken alone.</summary>
public sealed class BrokerWithFakeNorthwind : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public FakeNorthwind Northwind { get; } = new();
    public LocalIdentityProviderFactory Shop { get; }

    public BrokerWithFakeNorthwind()
    {
        var northwind = Northwind;
        Shop = new LocalIdentityProviderFactory
        {
            TestServices = services => services.AddHttpClient(IdentityProviderClient.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => northwind),
        };
    }

    public ValueTask DisposeAsync() => Shop.DisposeAsync();

    /// <param name="Redirect">Where the broker sent the browser: Northwind's authorization request.</param>
    public sealed record SignIn(HttpClient Browser, string State, string Nonce, string CodeChallenge, Uri Redirect);

    // The broker sends the browser to Northwind; the test reads what it sent there and plays Northwind's part.
    public async Task<SignIn> StartAsync(string returnUrl = FederationBrowser.StatusPath, HttpClient? browser = null)
    {
        browser ??= Shop.CreateBrowser();
        var start = await browser.GetAsync(QueryHelpers.AddQueryString(FederationBrowser.BrokerLoginPath, "returnUrl", returnUrl), Ct);
        var query = QueryHelpers.ParseQuery(start.Headers.Location!.Query);
        return new SignIn(browser, query["state"].ToString(), query["nonce"].ToString(), query["code_challenge"].ToString(), start.Headers.Location);
    }

    public async Task<HttpResponseMessage> ReturnWithAsync(SignIn signIn, string idToken)
    {
        Northwind.IdToken = idToken;
        return await signIn.Browser.GetAsync($"{FederationBrowser.BrokerCallback}?code=northwind-code&state={signIn.State}", Ct);
    }
}
