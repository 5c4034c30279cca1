using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

/// <summary>Told about every decision: orders-api keeps the last few per user for the shop's Identity page.</summary>
public interface IAccessDecisionListener
{
    void Decided(AccessDecision decision, DateTimeOffset at);
}

/// <summary>
/// Makes every decision visible: one structured log line, one event on the request's trace and a count on
/// the metrics, each with the rule, the outcome and the attributes' names and sources. Never the values
/// (a country, a sign-in time) and never the reason, which quotes them: both stay with the caller.
/// </summary>
public sealed class DecisionRecorder(ILogger<DecisionRecorder> logger, AccessRulesMetrics metrics,
    IEnumerable<IAccessDecisionListener> listeners, TimeProvider time)
{
    public const string EventName = "access_decision";

    public void Record(AccessDecision decision)
    {
        var action = decision.Request.Action;
        var outcome = decision.Outcome.ToString();
        var attributes = string.Join(", ", decision.Attributes().Select(attribute => $"{attribute.Name} from {attribute.Source}"));

        logger.Decided(outcome, action, decision.Request.Subject.Value, decision.Rule?.Id, decision.Rule?.Name ?? "none", attributes);
        Activity.Current?.AddEvent(new ActivityEvent(EventName, tags: new ActivityTagsCollection
        {
            ["access.action"] = action,
            ["access.outcome"] = outcome,
            ["access.rule.id"] = decision.Rule?.Id,
            ["access.rule.name"] = decision.Rule?.Name,
            ["access.attributes"] = attributes,
            ["enduser.id"] = decision.Request.Subject.Value,
        }));
        metrics.Decided(action, outcome, decision.Rule?.Id);

        var at = time.GetUtcNow();
        foreach (var listener in listeners)
        {
            listener.Decided(decision, at);
        }
    }
}
