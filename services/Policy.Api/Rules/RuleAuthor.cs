using System.Security.Claims;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Policy.Api.Rules;

/// <summary>The admin making a change, from the token: never from the request body.</summary>
public sealed record RuleAuthor(string Username, string Subject)
{
    // The admin policy has already required sub.
    public static RuleAuthor From(ClaimsPrincipal user)
    {
        var subject = user.GetSubject()!;
        return new(user.FindFirstValue(JwtClaimTypes.PreferredUsername) ?? subject, subject);
    }
}
