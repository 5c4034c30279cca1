namespace ShopAuthDemo.Policy.Api.Rules;

/// <summary>The kinds of change the audit log records.</summary>
public static class RuleChanges
{
    public const string Created = "created";
    public const string Changed = "changed";
    public const string Enabled = "enabled";
    public const string Disabled = "disabled";
}
