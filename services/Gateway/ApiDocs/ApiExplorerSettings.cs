using System.Text.Json.Nodes;

namespace ShopAuthDemo.Gateway.ApiDocs;

// "Identity": { "Authority": … } for the sign-in page, and
// "Gateway": { "PublicUrl": "http://localhost:7300",
//              "ApiExplorer": { "ClientId": "api-explorer", "PartnerClientIds": [ "partner-acme" ] } }:
// the address callers use, an optional public client for signing in as a person, and the partner clients
// whose client-credentials requests /identity/token relays.
public sealed record ApiExplorerSettings(string Authority, string PublicUrl, string? PublicClientId, IReadOnlyList<string> PartnerClientIds)
{
    public const string OAuth2Scheme = "oauth2";
    public const string BearerScheme = "bearer";

    public static ApiExplorerSettings From(IConfiguration configuration) => new(
        configuration.GetRequiredValue("Identity:Authority").TrimEnd('/'),
        PublicUrlFrom(configuration.GetRequiredValue("Gateway:PublicUrl")),
        configuration["Gateway:ApiExplorer:ClientId"] is { Length: > 0 } clientId ? clientId : null,
        [.. configuration.GetSection("Gateway:ApiExplorer:PartnerClientIds").GetChildren()
            .Select(partner => partner.Value).OfType<string>().Where(partner => partner.Length > 0)]);

    // The explorer's token URL, server URL and sign-in redirect come from here, never from the request's
    // Host header: with AllowedHosts "*" anyone can send any Host, and a page (or a cached copy of it)
    // that sends tokens and codes to the address a caller typed would hand them to the caller's server.
    private static string PublicUrlFrom(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            && url.AbsolutePath == "/" && url.Query.Length == 0 && url.Fragment.Length == 0
            ? url.GetLeftPart(UriPartial.Authority)
            : throw new InvalidOperationException($"Gateway:PublicUrl must be an absolute http(s) address without a path, e.g. http://localhost:7300 (got '{value}').");

    public JsonObject SecuritySchemes()
    {
        // Tokens are fetched through the gateway's /identity/token (see ExplorerTokenRoute).
        var tokenUrl = PublicUrl + ExplorerTokenRoute.Path;
        var flows = new JsonObject();
        if (PartnerClientIds.Count > 0)
        {
            flows["clientCredentials"] = new JsonObject
            {
                ["tokenUrl"] = tokenUrl,
                ["scopes"] = new JsonObject { ["shipping"] = $"Partner shipping routes (a partner client: {string.Join(", ", PartnerClientIds)})" },
            };
        }
        if (PublicClientId is not null)
        {
            flows["authorizationCode"] = new JsonObject
            {
                ["authorizationUrl"] = $"{Authority}/protocol/openid-connect/auth",
                ["tokenUrl"] = tokenUrl,
                ["scopes"] = new JsonObject
                {
                    ["openid"] = "Sign in",
                    ["orders"] = "Place and read your orders (orders-api)",
                },
            };
        }

        return new JsonObject
        {
            [OAuth2Scheme] = new JsonObject
            {
                ["type"] = "oauth2",
                ["description"] = "A token from the shop's identity provider.",
                ["flows"] = flows,
            },
            [BearerScheme] = new JsonObject
            {
                ["type"] = "http",
                ["scheme"] = "bearer",
                ["bearerFormat"] = "JWT",
                ["description"] = "Paste an access token you got elsewhere (e.g. with curl, see the README).",
            },
        };
    }
}
