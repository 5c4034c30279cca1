using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Sessions;

namespace ShopAuthDemo.Identity.Local.Logout;

/// <summary>
/// Tells every client that took part in an ended SSO session, server to server, so each can end its own
/// session for that user: single logout without relying on the browser.
/// </summary>
public sealed class BackchannelLogoutNotifier(LocalRealm realm, LogoutTokenFactory tokens,
    IHttpClientFactory httpClients, ILogger<BackchannelLogoutNotifier> logger)
{
    public const string HttpClientName = "backchannel-logout";

    public async Task NotifyAsync(SsoSession session, CancellationToken cancellationToken)
    {
        var targets = session.ClientIds
            .Select(realm.FindClient)
            .Where(c => c?.BackchannelLogoutUrl is not null)
            .Select(c => NotifyAsync(session, c!, cancellationToken));
        await Task.WhenAll(targets);
    }

    private async Task NotifyAsync(SsoSession session, RealmClient client, CancellationToken cancellationToken)
    {
        var body = new FormUrlEncodedContent([new("logout_token", tokens.Create(session, client))]);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName)
                .PostAsync(client.BackchannelLogoutUrl, body, cancellationToken);
            logger.LogInformation("Back-channel logout of session {Sid} sent to {ClientId}: {Status}",
                session.Id, client.ClientId, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // A client that is down must not stop the user's logout; Keycloak carries on the same way.
            logger.LogWarning("Back-channel logout of session {Sid} to {ClientId} failed: {Reason}",
                session.Id, client.ClientId, ex.Message);
        }
    }
}
