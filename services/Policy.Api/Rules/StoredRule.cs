using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Policy.Api.Rules;

/// <summary>An access rule as a row: its parameters in one JSON column, since each kind reads different ones.</summary>
public sealed class StoredRule
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public RuleKind Kind { get; set; }

    public bool Enabled { get; set; }

    public required RuleParameters Parameters { get; set; }

    public AccessRule ToRule() => new(Id, Name, Kind, Enabled, Parameters);

    // Only after RuleValidation has passed, so name, kind and parameters are present.
    public void Apply(AccessRuleInput input)
    {
        Name = input.Name!;
        Kind = input.Kind!.Value;
        Enabled = input.Enabled;
        Parameters = input.Parameters ?? new RuleParameters();
    }
}
