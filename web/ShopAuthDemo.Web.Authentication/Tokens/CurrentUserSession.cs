using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Web.Authentication.Circuits;
using ShopAuthDemo.Web.Authentication.Sessions;

namespace ShopAuthDemo.Web.Authentication.Tokens;

/// <summary>
/// Finds the session key of whoever the app is working for: the circuit's user in an interactive Blazor
/// component (where there is no HttpContext), otherwise the request's user (prerendering, endpoints).
/// </summary>
public sealed class CurrentUserSession(CircuitServicesAccessor circuit, IHttpContextAccessor httpContext)
{
    public async Task<string?> GetKeyAsync()
    {
        if (circuit.Services?.GetService<AuthenticationStateProvider>() is { } authentication)
        {
            var state = await authentication.GetAuthenticationStateAsync();
            return state.User.FindFirst(SessionClaimTypes.SessionKey)?.Value;
        }

        return httpContext.HttpContext?.User.FindFirst(SessionClaimTypes.SessionKey)?.Value;
    }
}
