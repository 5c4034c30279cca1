namespace ShopAuthDemo.Gateway.RateLimiting;

// "Gateway": { "RateLimit": { "PermitLimit": 20, "Window": "00:00:10" } } — per calling client.
public sealed record RateLimitSettings
{
    public const string SectionName = "Gateway:RateLimit";

    public int PermitLimit { get; init; } = 20;

    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(10);

    public static RateLimitSettings From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<RateLimitSettings>() ?? new();
}
