using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopAuthDemo.Tests.Web.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Web;

/// <summary>On https every cookie of a web app is __Host- and Secure; on the plain-http development default none can be.</summary>
public sealed class SessionCookiePrefixTests
{
    [Fact]
    public async Task Served_only_over_https_every_cookie_is_host_prefixed_and_always_secure()
    {
        await using var host = await WebSignInHost.StartAsync(Urls("https://localhost:7101"));

        foreach (var cookie in Cookies(host))
        {
            Assert.StartsWith("__Host-", cookie.Name);
            Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
            Assert.Equal("/", cookie.Path);
            Assert.Null(cookie.Domain);
        }
        Assert.Equal("__Host-" + WebSignInHost.CookieName, Cookies(host)[0].Name);
    }

    [Theory]
    [InlineData("http://localhost:7100")]
    [InlineData("https://localhost:7101;http://localhost:7100")]
    public async Task With_a_plain_http_address_no_cookie_is_prefixed_and_each_is_secure_on_https_requests(string urls)
    {
        await using var host = await WebSignInHost.StartAsync(Urls(urls));

        foreach (var cookie in Cookies(host))
        {
            Assert.DoesNotContain("__Host-", cookie.Name);
            Assert.Equal(CookieSecurePolicy.SameAsRequest, cookie.SecurePolicy);
        }
        Assert.Equal(WebSignInHost.CookieName, Cookies(host)[0].Name);
    }

    [Fact]
    public async Task Outside_development_cookies_are_host_prefixed_even_when_tls_ends_at_a_proxy_in_front()
    {
        // Behind a TLS-terminating proxy the app listens on plain http, but the browser only ever sees https.
        await using var host = await WebSignInHost.StartAsync(Urls("http://0.0.0.0:8080"), environment: "Production");

        Assert.All(Cookies(host), cookie => Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy));
        Assert.Equal("__Host-" + WebSignInHost.CookieName, Cookies(host)[0].Name);
    }

    [Fact]
    public async Task A_deployment_served_over_plain_http_can_say_so()
    {
        var settings = Urls("http://0.0.0.0:8080");
        settings["WebApp:HttpsOnlyCookies"] = "false";
        await using var host = await WebSignInHost.StartAsync(settings, environment: "Production");

        Assert.Equal(WebSignInHost.CookieName, Cookies(host)[0].Name);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, Cookies(host)[0].SecurePolicy);
    }

    [Fact]
    public async Task Over_https_the_browser_gets_host_prefixed_session_and_sign_in_cookies_for_path_root()
    {
        await using var host = await WebSignInHost.StartAsync(Urls("https://localhost:7101"));
        var client = host.CreateClient();

        using var signedIn = await client.GetAsync("https://localhost/test/callback/alice", TestContext.Current.CancellationToken);
        using var challenged = await client.GetAsync("https://localhost/authentication/login", TestContext.Current.CancellationToken);

        // The session cookie, then the correlation and nonce cookies of a sign-in that starts.
        var setCookies = signedIn.Headers.GetValues("Set-Cookie").Concat(challenged.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Equal(3, setCookies.Count);
        Assert.All(setCookies, setCookie =>
        {
            Assert.StartsWith("__Host-", setCookie);
            Assert.Contains("; secure", setCookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("; path=/;", setCookie + ";", StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", setCookie, StringComparison.OrdinalIgnoreCase);
        });
    }

    private static Dictionary<string, string?> Urls(string urls) => new() { ["urls"] = urls };

    // The session cookie first, then the OpenID Connect correlation and nonce cookies and antiforgery's.
    private static List<CookieBuilder> Cookies(WebSignInHost host)
    {
        var oidc = host.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        return
        [
            host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme).Cookie,
            oidc.CorrelationCookie,
            oidc.NonceCookie,
            host.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie,
        ];
    }
}
