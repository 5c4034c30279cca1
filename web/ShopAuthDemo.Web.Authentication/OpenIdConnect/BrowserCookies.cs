using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace ShopAuthDemo.Web.Authentication.OpenIdConnect;

/// <summary>
/// Every cookie a web app sets: the session, the OpenID Connect correlation and nonce cookies, antiforgery.
/// Served only over https, each is a __Host- cookie: browsers accept it only Secure, for this exact host and
/// path "/", so a sibling subdomain or a plain-http page cannot plant or overwrite it (session fixation,
/// login CSRF). On the plain-http development default a Secure cookie would never come back, so none is.
/// </summary>
internal static class BrowserCookies
{
    private const string HostPrefix = "__Host-";

    public static void Apply(CookieBuilder cookie, bool servedOnlyOverHttps)
    {
        cookie.HttpOnly = true;
        cookie.Path = "/";
        cookie.Domain = null;
        if (!servedOnlyOverHttps)
        {
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            return;
        }

        cookie.SecurePolicy = CookieSecurePolicy.Always;
        if (cookie.Name is { } name && !name.StartsWith(HostPrefix, StringComparison.Ordinal)) cookie.Name = HostPrefix + name;
    }

    /// <summary>
    /// True when every address the app listens on is https (ASPNETCORE_URLS, as the AppHost or a host sets
    /// it). One plain-http address is enough to keep the prefix off: the cookies must work on each of them.
    /// </summary>
    public static bool ServedOnlyOverHttps(IConfiguration configuration)
    {
        var urls = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return urls.Length > 0 && urls.All(url => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
    }
}
