using System.Security.Claims;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Payments.Api.Model;

// The customer behind an exchanged token (sub) and the service that presented it (azp).
public sealed record Payer(string Subject, string? Username, string Client)
{
    // The charge policy has already required sub and azp, so both are present here.
    public static Payer From(ClaimsPrincipal user) => new(
        user.GetSubject()!,
        user.FindFirstValue(JwtClaimTypes.PreferredUsername),
        user.GetAuthorizedParty()!);
}
