namespace ShopAuthDemo.Orders.Api.Authorization;

// "Partners": { "Clients": { "partner-acme": "ACME Logistics" } } — the OAuth clients we have a
// shipping contract with, and the name each is shown by on an order.
public sealed class PartnerClients(IReadOnlyDictionary<string, string> names)
{
    public const string SectionName = "Partners:Clients";

    public static PartnerClients From(IConfiguration configuration) =>
        new(configuration.GetSection(SectionName).GetChildren()
            .Where(client => !string.IsNullOrWhiteSpace(client.Value))
            .ToDictionary(client => client.Key, client => client.Value!, StringComparer.Ordinal));

    public bool IsPartner(string? clientId) => clientId is not null && names.ContainsKey(clientId);

    public string NameOf(string clientId) => names[clientId];
}
