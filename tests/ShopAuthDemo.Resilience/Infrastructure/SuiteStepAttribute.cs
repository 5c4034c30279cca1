namespace ShopAuthDemo.Resilience.Infrastructure;

/// <summary>Where a test class runs in the suite: lower first. The log search must see everything before it.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SuiteStepAttribute(int step) : Attribute
{
    public int Step { get; } = step;
}
