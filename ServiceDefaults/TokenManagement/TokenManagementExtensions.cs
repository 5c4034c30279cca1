using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShopAuthDemo.ServiceDefaults.SharedState;
using ShopAuthDemo.ServiceDefaults.TokenManagement;

namespace Microsoft.Extensions.Hosting;

public static class TokenManagementExtensions
{
    // The HttpClient that talks to the identity provider (a service's discovery, and every app's token requests).
    public const string HttpClientName = "ShopAuthDemo.TokenManagement";

    // Lets this service get tokens as Identity:ClientId; attach them with AddClientCredentialsToken
    // or AddTokenExchange on an HttpClient.
    public static TBuilder AddTokenManagement<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var settings = TokenClientSettings.From(builder.Configuration);
        // Plain-http discovery would let anyone on the path point us at their own token endpoint.
        var requireHttps = !builder.Environment.IsDevelopment();

        builder.Services.AddHttpClient(HttpClientName);
        var cacheSizeLimit = AccessTokenStorage.SizeLimitFrom(builder.Configuration);
        var sharedAcrossReplicas = SharedStateSettings.UsesRedis(builder.Configuration);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(services =>
            IdentityProviderDiscovery.ForAuthority(settings.Authority, services.GetRequiredService<IHttpClientFactory>(), requireHttps));
        builder.Services.AddSingleton<TokenEndpointClient>();
        builder.Services.AddSingleton<TokenManagementMetrics>();
        builder.Services.AddSingleton(services => AccessTokenStorage.Create(services, cacheSizeLimit, sharedAcrossReplicas));
        builder.Services.AddSingleton<AccessTokenCache>();
        builder.Services.AddSingleton<ClientCredentialsTokens>();
        builder.Services.AddSingleton<TokenExchangeTokens>();
        builder.Services.TryAddSingleton<ISubjectTokenSource, BearerHeaderSubjectTokenSource>();

        return builder;
    }
}
