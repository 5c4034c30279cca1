namespace ShopAuthDemo.Policy.Api.Apis;

// Body: { "enabled": false }
public sealed record EnabledChange(bool? Enabled)
{
    public Dictionary<string, string[]> Validate() =>
        Enabled is null ? new() { ["enabled"] = ["Send true or false."] } : [];
}
