using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ShopAuthDemo.Identity.Local.Admin;

/// <summary>
/// HTTP Basic for the admin API: user <c>admin</c> and the password the AppHost generates for Keycloak's
/// admin (<c>keycloak-admin-password</c>), so one credential opens the admin side of either provider.
/// </summary>
public static class AdminBasicAuthentication
{
    public const string Scheme = "IdentityLocal.AdminBasic";
    public const string UserName = "admin";

    public static AuthenticationBuilder AddAdminBasic(this AuthenticationBuilder builder, string password) =>
        builder.AddScheme<AdminBasicOptions, AdminBasicHandler>(Scheme, options => options.Password = password);
}

public sealed class AdminBasicOptions : AuthenticationSchemeOptions
{
    public string Password { get; set; } = "";
}

public sealed class AdminBasicHandler(IOptionsMonitor<AdminBasicOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AdminBasicOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
            return Task.FromResult(AuthenticateResult.NoResult());

        if (!TryDecode(header.Parameter, out var user, out var password)
            || user != AdminBasicAuthentication.UserName
            || !SamePassword(password, Options.Password))
        {
            // Logs neither password nor user name: a password typed into the user field is still a password.
            Logger.LogWarning("Admin credentials refused");
            return Task.FromResult(AuthenticateResult.Fail("Invalid admin credentials."));
        }

        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], Scheme.Name));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(admin, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"identity-local admin\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }

    // user-id ":" password, Base64 of UTF-8 (RFC 7617).
    private static bool TryDecode(string? parameter, out string user, out string password)
    {
        (user, password) = ("", "");
        var bytes = new byte[((parameter?.Length ?? 0) * 3 + 3) / 4];
        if (parameter is null || !Convert.TryFromBase64String(parameter, bytes, out var length)) return false;

        var text = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = text.IndexOf(':');
        if (colon < 0) return false;
        (user, password) = (text[..colon], text[(colon + 1)..]);
        return true;
    }

    // Compares hashes in constant time, so response times do not reveal how much of a guess was right.
    private static bool SamePassword(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}
