using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace ShopAuthDemo.Web.Authentication.OpenIdConnect;

/// <summary>
/// Every cookie a web app sets: the session, the OpenID Connect correlation and nonce cookies, antiforgery.
/// Served only over https, each is a __Host- cookie: browsers accept it only Secure, for this exact host and
/// path "/", so a sibling subdomain or a plain-http page cannot plant or overwrite it (session fixation,
/// login CSRF). On the plain-http development default a Secure cookie would never come back, so none is
/// (see <see cref="ServedOnlyOverHttps"/>).
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
    /// Whether the browser reaches the app only over https. <c>WebApp:HttpsOnlyCookies</c> says so where set;
    /// otherwise yes outside Development (a deployment behind a TLS-terminating proxy listens on http but is
    /// https to the browser), and in Development only when every address in ASPNETCORE_URLS is https (the
    /// AppHost's default profile is plain http, where a Secure cookie would never come back).
    /// </summary>
    public static bool ServedOnlyOverHttps(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration.GetValue<bool?>("WebApp:HttpsOnlyCookies") is { } configured) return configured;
        if (!environment.IsDevelopment()) return true;
        var urls = (configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return urls.Length > 0 && urls.All(url => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
    }
}
