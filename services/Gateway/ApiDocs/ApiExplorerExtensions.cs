using Scalar.AspNetCore;
using ShopAuthDemo.Gateway.Routing;

namespace ShopAuthDemo.Gateway.ApiDocs;

/// <summary>Try-it-yourself API docs: /openapi/gateway.json and a Scalar page at /scalar.</summary>
public static class ApiExplorerExtensions
{
    public const string DocumentPath = "/openapi/gateway.json";
    public const string PagePath = "/scalar";

    public static TBuilder AddApiExplorer<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton(ApiExplorerSettings.From(builder.Configuration));
        builder.Services.AddSingleton<GatewayApiDocument>();
        foreach (var service in GatewayRoutes.Services) builder.Services.AddHttpClient(service).CallsInternalService(service);
        return builder;
    }

    public static WebApplication MapApiExplorer(this WebApplication app)
    {
        var explorer = app.Services.GetRequiredService<ApiExplorerSettings>();

        app.MapGet(DocumentPath, async (GatewayApiDocument document, CancellationToken cancellationToken) =>
            TypedResults.Json(await document.ComposeAsync(cancellationToken)))
            .AllowAnonymous().ExcludeFromDescription();

        app.MapScalarApiReference(PagePath, options =>
        {
            options.WithTitle("ShopAuthDemo API (through the gateway)")
                .AddDocument("gateway", routePattern: DocumentPath)
                .AddPreferredSecuritySchemes(ApiExplorerSettings.OAuth2Scheme)
                // No icon to ask for: without a declared one, browsers request /favicon.ico and log a 404.
                .AddHeadContent("""<link rel="icon" href="data:,">""");
            if (explorer.PartnerClientIds is [var partner, ..])
            {
                // Pre-filled, not secret: the partner's secret is typed in by the person trying the API.
                options.AddClientCredentialsFlow(ApiExplorerSettings.OAuth2Scheme, flow => flow
                    .WithClientId(partner)
                    .WithSelectedScopes(["shipping"]));
            }
            if (explorer.PublicClientId is { } clientId)
            {
                options.AddAuthorizationCodeFlow(ApiExplorerSettings.OAuth2Scheme, flow => flow
                    .WithClientId(clientId)
                    .WithPkce(Pkce.Sha256)
                    // The configured address, not the request's Host header (see ApiExplorerSettings).
                    .WithRedirectUri(explorer.PublicUrl + PagePath + "/")
                    .WithSelectedScopes(["openid", "orders"]));
            }
        }).AllowAnonymous();

        return app;
    }
}
