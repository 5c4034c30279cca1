namespace ShopAuthDemo.Web.Authentication.BackchannelLogout;

/// <summary>A valid logout token names an identity-provider session (<c>sid</c>), a user (<c>sub</c>), or both.</summary>
public sealed record LogoutTokenValidationResult(bool IsValid, string? Error, string? Sid, string? Sub, string? Jti = null)
{
    public static LogoutTokenValidationResult Valid(string? sid, string? sub, string jti) => new(true, null, sid, sub, jti);

    public static LogoutTokenValidationResult Invalid(string error) => new(false, error, null, null);
}
