using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ShopAuthDemo.Tests.Web.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Web;

/// <summary>On https the session cookie is __Host- and Secure; on the plain-http development default it cannot be.</summary>
public sealed class SessionCookiePrefixTests
{
    [Fact]
    public async Task Served_only_over_https_the_session_cookie_is_host_prefixed_and_always_secure()
    {
        var cookie = await CookieOptionsAsync("https://localhost:7101");

        Assert.Equal("__Host-" + WebSignInHost.CookieName, cookie.Name);
        Assert.Equal(CookieSecurePolicy.Always, cookie.SecurePolicy);
        Assert.Equal("/", cookie.Path);
        Assert.Null(cookie.Domain);
    }

    [Theory]
    [InlineData("http://localhost:7100")]
    [InlineData("https://localhost:7101;http://localhost:7100")]
    public async Task With_a_plain_http_address_the_cookie_keeps_its_name_and_is_secure_on_https_requests(string urls)
    {
        var cookie = await CookieOptionsAsync(urls);

        Assert.Equal(WebSignInHost.CookieName, cookie.Name);
        Assert.Equal(CookieSecurePolicy.SameAsRequest, cookie.SecurePolicy);
    }

    [Fact]
    public async Task A_host_prefixed_cookie_is_set_secure_for_path_root_without_a_domain()
    {
        await using var host = await WebSignInHost.StartAsync(new Dictionary<string, string?> { ["urls"] = "https://localhost:7101" });

        using var response = await host.CreateClient().GetAsync("https://localhost/test/callback/alice", TestContext.Current.CancellationToken);

        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), v => v.StartsWith("__Host-", StringComparison.Ordinal));
        Assert.Contains("; secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<Microsoft.AspNetCore.Http.CookieBuilder> CookieOptionsAsync(string urls)
    {
        await using var host = await WebSignInHost.StartAsync(new Dictionary<string, string?> { ["urls"] = urls });
        return host.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(CookieAuthenticationDefaults.AuthenticationScheme).Cookie;
    }
}
