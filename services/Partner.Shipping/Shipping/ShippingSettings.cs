namespace ShopAuthDemo.Partner.Shipping.Shipping;

// "Shipping": { "Gateway": "http://gateway", "Carrier": "ACME Logistics", "PollInterval": "00:00:03" }
public sealed record ShippingSettings(Uri Gateway, string Carrier, TimeSpan PollInterval)
{
    public const string SectionName = "Shipping";

    public static ShippingSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var interval = TimeSpan.Parse(section.GetRequiredValue("PollInterval"), System.Globalization.CultureInfo.InvariantCulture);
        return interval > TimeSpan.Zero
            ? new(new Uri(section.GetRequiredValue("Gateway")), section.GetRequiredValue("Carrier"), interval)
            : throw new InvalidOperationException($"Configuration value for: {SectionName}:PollInterval must be positive.");
    }
}
