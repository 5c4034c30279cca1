using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Gateway.Headers;

/// <summary>Who is calling, as far as the edge knows: the client in a validated token, otherwise the address.</summary>
public static class Callers
{
    // azp from a token whose signature was checked, never from anything else the caller sent: a forged
    // claim or header cannot pass a caller off as another client in the logs. (Rate limits: CallerBudgets.)
    public static string Describe(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.GetAuthorizedParty() is { } client
            ? $"client {client}"
            : $"anonymous {context.Connection.RemoteIpAddress?.ToString() ?? "unknown address"}";
}
