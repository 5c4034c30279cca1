using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

/// <summary>
/// Orders above an amount need a sign-in within the last N minutes. Stops someone who finds a session left
/// open (or a stolen session cookie) from placing a large order without knowing the password.
/// </summary>
public sealed class StepUpRule(AccessRule definition, decimal amountAbove, int maxAgeMinutes) : CompiledRule(definition)
{
    // The clock skew token validation allows: a sign-in later than that (a wrong clock, a bug) proves nothing.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public int MaxAgeSeconds { get; } = maxAgeMinutes * 60;

    // "Above": an order of exactly the amount needs no step-up. A sign-in exactly N minutes old still
    // counts, as with OIDC's max_age.
    public override RuleVerdict Evaluate(AccessRequest request)
    {
        if (request.OrderTotal.Value is not { } total || total <= amountAbove) return RuleVerdict.NotApplicable;
        return request.AuthenticatedAt.Value is { } signedIn && request.Now.Value - signedIn is var age
            && age >= -ClockSkew && age.TotalSeconds <= MaxAgeSeconds
            ? RuleVerdict.Satisfied
            : RuleVerdict.NeedsStepUp;
    }

    public override string Explain(AccessRequest request) =>
        $"Orders above {Text(amountAbove)} need a sign-in within the last {maxAgeMinutes} minutes " +
        (request.AuthenticatedAt.Value is { } at ? $"(yours was at {Text(at)}). Sign in again to continue." : "(no sign-in time is known). Sign in again to continue.");

    public override IEnumerable<DecisionAttribute> AttributesRead(AccessRequest request) =>
    [
        new("order.total", Text(request.OrderTotal.Value), request.OrderTotal.Source),
        new("user.auth_time", Text(request.AuthenticatedAt.Value), request.AuthenticatedAt.Source),
        new("context.now", Text(request.Now.Value), request.Now.Source),
    ];
}
