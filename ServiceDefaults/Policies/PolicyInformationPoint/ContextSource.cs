namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;

/// <summary>
/// The PIP's context: the service's clock, a <see cref="TimeProvider"/> so tests can stand at the first
/// and last minute of a window. Time zones belong to the rules (a time rule names its own).
/// </summary>
public sealed class ContextSource(TimeProvider time)
{
    public Sourced<DateTimeOffset> Now() => new(time.GetUtcNow(), AttributeSource.Clock);
}
