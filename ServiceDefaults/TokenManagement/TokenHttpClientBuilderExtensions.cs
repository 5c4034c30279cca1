using Microsoft.Extensions.Logging;
using ShopAuthDemo.ServiceDefaults.TokenManagement;

namespace Microsoft.Extensions.DependencyInjection;

public static class TokenHttpClientBuilderExtensions
{
    // Calls made as this service: e.g. .AddClientCredentialsToken("catalog.read"). scope: null asks for the
    // client's default scopes only (no scope parameter), for a callee that needs nothing but the service account's roles.
    public static IHttpClientBuilder AddClientCredentialsToken(this IHttpClientBuilder builder, string? scope, string? audience = null)
    {
        if (scope is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        }

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
