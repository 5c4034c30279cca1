namespace ShopAuthDemo.Benchmarks.Driver.Identity;

/// <summary>What Identity.Local logs for each token it issues (services/Identity.Local/Endpoints and Tokens).</summary>
public static class IdentityProviderLogLines
{
    public const string ClientCredentialsForOrdersApi = "Client credentials token for orders-api";
    public const string TokenExchangeByOrdersApi = "Token exchange by orders-api";
}
