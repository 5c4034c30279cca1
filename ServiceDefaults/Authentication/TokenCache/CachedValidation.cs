using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;

/// <summary>The outcome of one successful full validation, kept until <see cref="ExpiresAt"/>.</summary>
/// <param name="EncodedToken">The token exactly as validated (the same string the parsed token keeps, no copy).</param>
/// <param name="KeySetVersion">The signing-key set it was validated against; a change of keys retires it.</param>
public sealed record CachedValidation(
    string EncodedToken,
    SecurityToken Token,
    ClaimsIdentity Identity,
    string Issuer,
    DateTimeOffset ExpiresAt,
    long KeySetVersion);
