namespace ShopAuthDemo.Orders.Api.Apis;

// { "carrier": "ACME Logistics", "trackingNumber": "ACME-1Z999" } — who shipped comes from the token, not from here.
public sealed record ShipmentRequest(string? Carrier, string? TrackingNumber)
{
    public const int MaxLength = 100;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Carrier) || Carrier.Length > MaxLength)
            errors["carrier"] = [$"Name the carrier (at most {MaxLength} characters)."];
        if (string.IsNullOrWhiteSpace(TrackingNumber) || TrackingNumber.Length > MaxLength)
            errors["trackingNumber"] = [$"Give the tracking number (at most {MaxLength} characters)."];
        return errors;
    }
}
