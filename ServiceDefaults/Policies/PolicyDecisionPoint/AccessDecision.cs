using System.Text.Json.Serialization;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

[JsonConverter(typeof(JsonStringEnumConverter<DecisionOutcome>))]
public enum DecisionOutcome
{
    Permit,
    Deny,
    /// <summary>Permitted once the user signs in again (RFC 9470): see <see cref="AccessDecision.MaxAgeSeconds"/>.</summary>
    StepUp,
}

/// <summary>One attribute a decision read: name, value as text, and where it came from.</summary>
public sealed record DecisionAttribute(string Name, string Value, AttributeSource Source);

/// <summary>
/// The PDP's answer. Only the outcome, the deciding rule and the step-up age are computed while deciding;
/// the explanation and the attributes are built when someone asks (a log line, a problem, the tester),
/// so a decision costs one small object.
/// </summary>
public sealed class AccessDecision
{
    private readonly CompiledRule? decidingRule;
    private readonly CompiledRule[] evaluated;

    internal AccessDecision(DecisionOutcome outcome, CompiledRule? decidingRule, CompiledRule[] evaluated,
        AccessRequest request, int? maxAgeSeconds)
    {
        Outcome = outcome;
        this.decidingRule = decidingRule;
        this.evaluated = evaluated;
        Request = request;
        MaxAgeSeconds = maxAgeSeconds;
    }

    public DecisionOutcome Outcome { get; }

    public AccessRequest Request { get; }

    /// <summary>The rule that refused or asked for a step-up; null when no rule stood in the way.</summary>
    public AccessRule? Rule => decidingRule?.Definition;

    /// <summary>For <see cref="DecisionOutcome.StepUp"/>: the sign-in must be at most this old.</summary>
    public int? MaxAgeSeconds { get; }

    public string Reason => decidingRule?.Explain(Request)
        ?? (evaluated.Length == 0
            ? $"No access rule governs {Request.Action}."
            : $"No access rule refuses this request ({evaluated.Length} checked).");

    /// <summary>The attributes the rules of this action read, each with its source (decided on or not).</summary>
    public IReadOnlyList<DecisionAttribute> Attributes()
    {
        var attributes = new List<DecisionAttribute>();
        foreach (var rule in decidingRule is null ? evaluated : [decidingRule, .. evaluated])
        {
            foreach (var attribute in rule.AttributesRead(Request))
            {
                if (!attributes.Exists(a => a.Name == attribute.Name)) attributes.Add(attribute);
            }
        }
        return attributes;
    }
}
