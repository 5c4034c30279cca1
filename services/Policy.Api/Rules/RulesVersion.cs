namespace ShopAuthDemo.Policy.Api.Rules;

/// <summary>
/// The one row that numbers the rules: bumped in the same transaction as every change, so the ETag the
/// services poll with changes exactly when the rules do.
/// </summary>
public sealed class RulesVersion
{
    public const int SingleRowId = 1;

    public int Id { get; set; } = SingleRowId;

    public long Version { get; set; }
}
