using System.Globalization;

namespace ShopAuthDemo.Partner.Shipping.Shipping;

// "Shipping": { "Gateway": "http://gateway", "Carrier": "ACME Logistics", "WaitForOrders": "00:00:25", "RetryDelay": "00:00:03" }
// WaitForOrders: how long the shop may hold each request for orders (long polling; the shop holds 30 s at most).
// RetryDelay: the pause after a failed round, and the least time between two rounds that found nothing.
public sealed record ShippingSettings(Uri Gateway, string Carrier, TimeSpan WaitForOrders, TimeSpan RetryDelay)
{
    public const string SectionName = "Shipping";

    public static ShippingSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        return new(new Uri(section.GetRequiredValue("Gateway")), section.GetRequiredValue("Carrier"),
            Positive(section, "WaitForOrders"), Positive(section, "RetryDelay"));
    }

    private static TimeSpan Positive(IConfigurationSection section, string key)
    {
        var value = TimeSpan.Parse(section.GetRequiredValue(key), CultureInfo.InvariantCulture);
        return value > TimeSpan.Zero ? value
            : throw new InvalidOperationException($"Configuration value for: {SectionName}:{key} must be positive.");
    }
}
