using Microsoft.Extensions.Caching.Memory;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

namespace ShopAuthDemo.Orders.Api.AccessDecisions;

/// <summary>
/// The last decisions about each customer, for the shop's Identity page ("why was I asked to sign in
/// again?"). In memory and bounded: <see cref="PerUser"/> per user, <see cref="MaxUsers"/> users, each
/// forgotten an hour after the last decision about them; a restart forgets all, which an explanation page can afford.
/// </summary>
public sealed class RecentDecisions : IAccessDecisionListener, IDisposable
{
    public const int PerUser = 10;
    public const int MaxUsers = 10_000;

    private static readonly TimeSpan KeptFor = TimeSpan.FromHours(1);

    // A memory cache of its own: its size limit (one unit per user) must not apply to anyone else's entries.
    private readonly MemoryCache users = new(new MemoryCacheOptions { SizeLimit = MaxUsers });

    public void Decided(AccessDecision decision, DateTimeOffset at)
    {
        if (decision.Request.Subject.Value is not { } subject) return;

        var recent = RecentDecision.From(decision, at);
        var decisions = users.GetOrCreate(subject, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = KeptFor;
            return new Queue<RecentDecision>(PerUser);
        })!;
        lock (decisions)
        {
            if (decisions.Count == PerUser) decisions.Dequeue();
            decisions.Enqueue(recent);
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<RecentDecision> Of(string subject)
    {
        if (!users.TryGetValue(subject, out Queue<RecentDecision>? decisions) || decisions is null) return [];
        lock (decisions)
        {
            return decisions.Reverse().ToList();
        }
    }

    public void Dispose() => users.Dispose();
}

/// <summary>One decision as the customer sees it: what was decided, by which rule, why, on which attributes.</summary>
public sealed record RecentDecision(DateTimeOffset At, string Action, string Outcome, string? Rule, string Reason,
    IReadOnlyList<RecentDecisionAttribute> Attributes)
{
    public static RecentDecision From(AccessDecision decision, DateTimeOffset at) => new(
        at,
        decision.Request.Action,
        decision.Outcome.ToString(),
        decision.Rule?.Name,
        decision.Reason,
        [.. decision.Attributes().Select(attribute => new RecentDecisionAttribute(attribute.Name, attribute.Value, attribute.Source.ToString()))]);
}

/// <summary>An attribute the decision read, with its source (AccessToken, UserInfo, Resource, Clock, ...).</summary>
public sealed record RecentDecisionAttribute(string Name, string Value, string Source);
