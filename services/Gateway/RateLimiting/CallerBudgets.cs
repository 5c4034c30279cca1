using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Gateway.RateLimiting;

/// <summary>Whose budget a request spends: the client in the validated token, a person, or an address.</summary>
public static class CallerBudgets
{
    // azp and sub from a token whose signature was checked, never from anything else the caller sent: a forged
    // claim or header cannot move a caller into another budget. A partner's client is one budget (its service
    // account is the client). The public API explorer client is shared by everyone who signs in on the page, so
    // there each person (sub) gets a budget: one person's loop must not lock every other explorer user out.
    public static string For(HttpContext context, string? publicClientId)
    {
        if (context.User.Identity?.IsAuthenticated == true && context.User.GetAuthorizedParty() is { } client)
        {
            return client == publicClientId && context.User.GetSubject() is { } person
                ? $"client {client} user {person}"
                : $"client {client}";
        }

        // Behind a reverse proxy this is the proxy's address unless Gateway:ForwardedHeaders:KnownProxies names it.
        return $"anonymous {context.Connection.RemoteIpAddress?.ToString() ?? "unknown address"}";
    }
}
