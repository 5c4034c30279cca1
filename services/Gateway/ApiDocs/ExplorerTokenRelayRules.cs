using ShopAuthDemo.Gateway.Headers;
using Yarp.ReverseProxy.Transforms;

namespace ShopAuthDemo.Gateway.ApiDocs;

/// <summary>
/// What /identity/token relays: only the grants the API explorer page needs. The api-explorer client's code
/// and refresh grants (a person signing in on the page) and a partner's client credentials. Anything else
/// (a password grant, token exchange, another client's grants) is refused here and never reaches the
/// identity provider: otherwise the gateway would be an open, anonymous front door to every grant of
/// every client, for password guessing among other things, past whatever guards the identity provider itself.
/// </summary>
public sealed class ExplorerTokenRelayRules(ApiExplorerSettings explorer, ILogger<ExplorerTokenRelayRules> logger) : RequestTransform
{
    public override async ValueTask ApplyAsync(RequestTransformContext context)
    {
        var http = context.HttpContext;
        var (request, refusal) = await ExplorerTokenRequest.ReadAsync(http.Request, context.CancellationToken);
        refusal ??= Check(request!);
        if (refusal is not null)
        {
            // Grant and client only: never the body, which may hold a secret, a code or a refresh token.
            logger.LogWarning("Refused a token request through the gateway from {Caller}: {Error} ({Description}), grant {GrantType}, client {ClientId}",
                Callers.Describe(http), refusal.Error, refusal.Description, request?.GrantType, request?.ClientId);
            // A response set by a transform: YARP does not forward the request.
            await refusal.WriteAsync(http.Response);
            return;
        }

        // Forward exactly the bytes that were checked.
        http.Request.Body = new MemoryStream(request!.Body);
        context.ProxyRequest.Content?.Headers.ContentLength = request.Body.Length;
    }

    private TokenRequestRefusal? Check(ExplorerTokenRequest request) => request.GrantType switch
    {
        "authorization_code" or "refresh_token" when explorer.PublicClientId is { } explorerClient =>
            request.ClientId == explorerClient ? null : NotForThisClient(request, explorerClient),
        "client_credentials" when explorer.PartnerClientIds.Count > 0 =>
            request.ClientId is { } client && explorer.PartnerClientIds.Contains(client, StringComparer.Ordinal)
                ? null
                : NotForThisClient(request, string.Join(", ", explorer.PartnerClientIds)),
        _ => new(StatusCodes.Status400BadRequest, "unsupported_grant_type",
            $"The gateway relays only the grants the API explorer uses, not '{request.GrantType}'. Ask the identity provider directly."),
    };

    private static TokenRequestRefusal NotForThisClient(ExplorerTokenRequest request, string allowed) =>
        new(StatusCodes.Status400BadRequest, "unauthorized_client",
            $"The gateway relays {request.GrantType} only for {allowed}, not for '{request.ClientId}'.");
}
