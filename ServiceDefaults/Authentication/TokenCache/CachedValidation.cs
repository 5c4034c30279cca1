using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;

/// <summary>The outcome of one successful full validation, kept until <see cref="ExpiresAt"/>.</summary>
/// <param name="KeySetVersion">The signing-key set it was validated against; a change of keys retires it.</param>
public sealed record CachedValidation(
    SecurityToken Token,
    ClaimsIdentity Identity,
    string Issuer,
    DateTimeOffset ExpiresAt,
    long KeySetVersion);
