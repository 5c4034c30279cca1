using System.Text.Json.Nodes;
using ShopAuthDemo.Gateway.Authorization;
using ShopAuthDemo.Gateway.Routing;

namespace ShopAuthDemo.Gateway.ApiDocs;

/// <summary>
/// The OpenAPI document of what the gateway publishes, built from the services' own documents: each
/// published path under the path a caller uses at the gateway, everything unpublished left out, and
/// the ways to get a token for it.
/// </summary>
public sealed class GatewayApiDocument(IHttpClientFactory http, ApiExplorerSettings explorer, ILogger<GatewayApiDocument> logger)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    public async Task<JsonObject> ComposeAsync(CancellationToken cancellationToken)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        var unavailable = new List<string>();

        foreach (var service in GatewayRoutes.Services)
        {
            if (await FetchAsync(service, cancellationToken) is not { } source)
            {
                unavailable.Add(service);
                continue;
            }

            foreach (var (servicePath, item) in source["paths"]?.AsObject() ?? [])
            {
                var published = GatewayRoutes.Published.Where(route => route.Service == service)
                    .Select(route => (route, path: route.PublicPathFor(servicePath)))
                    .FirstOrDefault(match => match.path is not null);
                if (published.path is null || item is not JsonObject operations) continue;
                // Only what the edge forwards: the page must not offer a call the gateway refuses (a price change).
                var forwarded = Forwarded(operations, published.route);
                if (forwarded.Count > 0) paths[published.path] = WithSecurity(forwarded, published.route);
            }

            // Schema names are the services' type names; the first service to define one wins.
            foreach (var (name, schema) in source["components"]?["schemas"]?.AsObject() ?? [])
                if (!schemas.ContainsKey(name)) schemas[name] = schema?.DeepClone();
        }

        return new JsonObject
        {
            ["openapi"] = "3.1.1",
            ["info"] = new JsonObject
            {
                ["title"] = "ShopAuthDemo API (through the gateway)",
                ["version"] = "1.0.0",
                ["description"] = Description(unavailable),
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = explorer.PublicUrl }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = explorer.SecuritySchemes(),
            },
        };
    }

    private async Task<JsonObject?> FetchAsync(string service, CancellationToken cancellationToken)
    {
        try
        {
            // One client per service (ApiExplorerExtensions): each checks it reached that very service (mutual TLS).
            return (await http.CreateClient(service).GetFromJsonAsync<JsonNode>("/openapi/v1.json", cancellationToken))?.AsObject();
        }
        catch (Exception exception) when (exception is HttpRequestException or System.Text.Json.JsonException or InvalidOperationException)
        {
            // A service that is down leaves its routes out of the document, not the whole page broken.
            logger.LogWarning("The OpenAPI document of {Service} could not be read: {Reason}", service, exception.Message);
            return null;
        }
    }

    // The operations of one path for the methods the route publishes; path-level entries (parameters) stay.
    private static JsonObject Forwarded(JsonObject operations, GatewayRoute route)
    {
        var forwarded = new JsonObject();
        foreach (var (key, value) in operations)
        {
            if (!Methods.Contains(key) || route.Publishes(key)) forwarded[key] = value?.DeepClone();
        }
        return forwarded.Any(entry => Methods.Contains(entry.Key)) ? forwarded : new JsonObject();
    }

    // Which token each route needs at the edge; the service may ask for more (a role, ownership).
    private static JsonObject WithSecurity(JsonObject operations, GatewayRoute route)
    {
        if (route.AuthorizationPolicy == GatewayPolicies.Anonymous) return operations;
        var scope = route.AuthorizationPolicy == GatewayPolicies.ShippingPartner ? "shipping" : "orders";
        foreach (var method in Methods)
        {
            if (operations[method] is not JsonObject operation) continue;
            operation["security"] = new JsonArray(
                new JsonObject { [ApiExplorerSettings.OAuth2Scheme] = new JsonArray(scope) },
                new JsonObject { [ApiExplorerSettings.BearerScheme] = new JsonArray() });
        }

        return operations;
    }

    private static string Description(IReadOnlyList<string> unavailable) =>
        "Every call goes through the gateway, which checks the token (signature, issuer, lifetime, audience), " +
        "the route's coarse policy and a per-client rate limit, removes identity headers a caller could forge, " +
        "and forwards the same token: the service behind it checks it again. " +
        "Partner routes need a client-credentials token with scope `shipping` (client `partner-acme`); " +
        "order routes need a customer's token with scope `orders`." +
        (unavailable.Count > 0 ? $" Not listed right now because they did not answer: {string.Join(", ", unavailable)}." : "");
}
