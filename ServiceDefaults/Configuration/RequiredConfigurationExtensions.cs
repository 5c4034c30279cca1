namespace Microsoft.Extensions.Configuration;

public static class RequiredConfigurationExtensions
{
    // Fails at start-up rather than at the first request that needs the value.
    public static string GetRequiredValue(this IConfiguration configuration, string key)
    {
        var value = configuration[key];
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"Configuration missing value for: {(configuration is IConfigurationSection section ? $"{section.Path}:{key}" : key)}")
            : value;
    }
}
