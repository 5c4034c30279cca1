using Microsoft.Extensions.Logging;
using ShopAuthDemo.ServiceDefaults.TokenManagement;

namespace Microsoft.Extensions.DependencyInjection;

public static class TokenHttpClientBuilderExtensions
{
    // Calls made as this service: e.g. .AddClientCredentialsToken("catalog.read").
    public static IHttpClientBuilder AddClientCredentialsToken(this IHttpClientBuilder builder, string scope, string? audience = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        return builder.AddHttpMessageHandler(services => new ClientCredentialsTokenHandler(
            Required<ClientCredentialsTokens>(services), scope, audience,
            services.GetRequiredService<ILogger<ClientCredentialsTokenHandler>>()));
    }

    // Calls made for the current user: e.g. .AddTokenExchange("payments-api", "payments").
    public static IHttpClientBuilder AddTokenExchange(this IHttpClientBuilder builder, string audience, string? scope = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        return builder.AddHttpMessageHandler(services => new TokenExchangeHandler(
            Required<TokenExchangeTokens>(services), services.GetRequiredService<ISubjectTokenSource>(), audience, scope,
            services.GetRequiredService<ILogger<TokenExchangeHandler>>()));
    }

    private static T Required<T>(IServiceProvider services) where T : notnull =>
        services.GetService<T>() ?? throw new InvalidOperationException(
            $"{typeof(T).Name} is not registered: call builder.AddTokenManagement() in Program.cs.");
}
