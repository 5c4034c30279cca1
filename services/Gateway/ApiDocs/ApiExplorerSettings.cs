using System.Text.Json.Nodes;

namespace ShopAuthDemo.Gateway.ApiDocs;

// "Identity": { "Authority": … } for the sign-in page, and optionally
// "Gateway": { "ApiExplorer": { "ClientId": "api-explorer" } }: a public client for signing in as a person.
public sealed record ApiExplorerSettings(string Authority, string? PublicClientId)
{
    public const string OAuth2Scheme = "oauth2";
    public const string BearerScheme = "bearer";

    public static ApiExplorerSettings From(IConfiguration configuration) => new(
        configuration.GetRequiredValue("Identity:Authority").TrimEnd('/'),
        configuration["Gateway:ApiExplorer:ClientId"] is { Length: > 0 } clientId ? clientId : null);

    public JsonObject SecuritySchemes(string gatewayUrl)
    {
        // Tokens are fetched through the gateway's /identity/token (see ExplorerTokenRoute).
        var tokenUrl = gatewayUrl + ExplorerTokenRoute.Path;
        var flows = new JsonObject
        {
            ["clientCredentials"] = new JsonObject
            {
                ["tokenUrl"] = tokenUrl,
                ["scopes"] = new JsonObject { ["shipping"] = "Partner shipping routes (a partner client, e.g. partner-acme)" },
            },
        };
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
