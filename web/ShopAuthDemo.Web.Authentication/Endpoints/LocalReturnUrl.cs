namespace ShopAuthDemo.Web.Authentication.Endpoints;

/// <summary>
/// Where to send the browser after login or logout. Only a path on this site is accepted: anything else
/// would make our login page an open redirect that phishing links could use ("sign in at the real shop,
/// land on the attacker's copy").
/// </summary>
public static class LocalReturnUrl
{
    public const string Fallback = "/";

    // Enough for any honest URL; an attacker nesting encodings deeper is refused, not decoded further.
    private const int MaximumDecodingRounds = 3;

    public static string OrFallback(string? returnUrl) => IsLocal(returnUrl) ? returnUrl! : Fallback;

    public static bool IsLocal(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Contains('\\')) return false;

        // The value may be decoded again later (by a proxy, another redirect): every decoded form must be
        // local too, so "/%2F%2Fevil.example" and "/%5Cevil.example" are refused as well.
        var candidate = returnUrl;
        for (var round = 0; round <= MaximumDecodingRounds; round++)
        {
            if (!IsLocalPath(candidate)) return false;
            var decoded = Uri.UnescapeDataString(candidate);
            if (decoded == candidate) return true;
            candidate = decoded;
        }
        return false;
    }

    // "/path" only. "//host" and "/\host" are protocol-relative to browsers (they read "\" as "/"), and
    // browsers drop tabs and line breaks, so "/<TAB>/host" would become "//host".
    private static bool IsLocalPath(string url) =>
        url.Length > 0
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
