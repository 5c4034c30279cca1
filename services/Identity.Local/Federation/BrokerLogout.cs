using Microsoft.AspNetCore.WebUtilities;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Sessions;

namespace ShopAuthDemo.Identity.Local.Federation;

/// <summary>
/// Signing out of a session that came through another identity provider ends it there too, as Keycloak does with
/// the provider's logoutUrl: once this realm's session has ended (and its apps were told by back-channel logout),
/// the browser goes to the provider's end-session endpoint with the ID token it issued, and comes back to
/// <c>/broker/{alias}/endpoint/logout_response</c> to continue to where the application asked to go.
/// </summary>
public sealed class BrokerLogout(LocalRealm realm, IssuerUri issuer, TimeProvider time)
{
    // Where each logout continues once the provider sends the browser back.
    private readonly OneTimeStates<string> _continuations = new(time, TimeSpan.FromMinutes(10));

    /// <summary>Where to send the browser to end the session at the provider; null when it has no logout URL.</summary>
    public string? Redirect(BrokeredSignIn broker, string continuation)
    {
        if (realm.FindIdentityProvider(broker.Alias) is not { LogoutUrl: { } logoutUrl } provider) return null;
        var state = OneTimeStates<string>.NewState();
        _continuations.Add(state, continuation);
        return QueryHelpers.AddQueryString(logoutUrl.AbsoluteUri, new Dictionary<string, string?>
        {
            // Names the session to end there, so the provider ends it without asking (it checks the token is its own).
            ["id_token_hint"] = broker.IdToken,
            ["client_id"] = provider.ClientId,
            ["post_logout_redirect_uri"] = issuer.For(realm.Paths.BrokerLogoutResponse(provider.Alias)).AbsoluteUri,
            ["state"] = state,
        });
    }

    /// <summary>Back from the provider: on to the application's post-logout URI (checked when the logout began).</summary>
    internal static IResult Finish(string? state, BrokerLogout logout) => Results.Redirect(logout.ContinuationOf(state));

    private string ContinuationOf(string? state) => _continuations.Take(state) ?? realm.Paths.Status;
}
