using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Identity.Local.Federation;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.Federation.Support;

/// <summary>
/// Two Identity.Locals in-process, as the AppHost runs them: realm shop (the broker, issuer http://localhost/realms/shop)
/// and realm northwind (the company's identity provider, issuer http://northwind.test/realms/northwind). The broker's
/// server-to-server calls (token, JWKS) reach northwind's TestServer; the browser's redirects are followed by
/// <see cref="FederationBrowser"/>.
/// </summary>
public sealed class FederatedRealms : IAsyncDisposable
{
    public const string NorthwindIssuer = LocalIdentityProviderFactory.NorthwindUrl;
    public static readonly string DavesPassword = LocalIdentityProviderFactory.Secrets["DEV_USER_PASSWORD"];

    public LocalIdentityProviderFactory Shop { get; }
    public LocalIdentityProviderFactory Northwind { get; }
    public CapturedLogs ShopLogs { get; } = new();

    /// <param name="backchannelBaseUrl">Where realm shop's back-channel logout calls go.</param>
    /// <param name="shopRealmFile">A variant of realm shop (e.g. a user who already has dave's email).</param>
    public FederatedRealms(string backchannelBaseUrl = "http://127.0.0.1:9", string? shopRealmFile = null)
    {
        var northwind = new LocalIdentityProviderFactory(backchannelBaseUrl, RealmFiles.Northwind);
        northwind.Settings["Identity:Issuer"] = NorthwindIssuer;
        northwind.Settings["SHOP_REALM_URL"] = LocalIdentityProviderFactory.Issuer;
        Northwind = northwind;
        Shop = new LocalIdentityProviderFactory(backchannelBaseUrl, shopRealmFile)
        {
            Logs = ShopLogs,
            TestServices = services => services.AddHttpClient(IdentityProviderClient.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => northwind.Server.CreateHandler()),
        };
    }

    /// <summary>A new browser: no cookies at either site.</summary>
    public FederationBrowser NewBrowser() => new(Shop.CreateBrowser(), Northwind.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("http://northwind.test/"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    }));

    public async ValueTask DisposeAsync()
    {
        await Shop.DisposeAsync();
        await Northwind.DisposeAsync();
    }
}
