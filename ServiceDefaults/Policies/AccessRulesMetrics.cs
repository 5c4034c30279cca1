using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ShopAuthDemo.ServiceDefaults.Policies;

/// <summary>Decisions by outcome, rule refreshes, and the userinfo calls the PIP makes (at most one per user per lifetime).</summary>
public sealed class AccessRulesMetrics
{
    public const string MeterName = "ShopAuthDemo.Policies";
    public const string DecisionsCounterName = "access_rules.decisions";
    public const string RefreshesCounterName = "access_rules.refreshes";
    public const string UserInfoRequestsCounterName = "access_rules.userinfo_requests";

    private readonly Counter<long> decisions;
    private readonly Counter<long> refreshes;
    private readonly Counter<long> userInfoRequests;
    private long userInfoRequestsSent;

    public AccessRulesMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        decisions = meter.CreateCounter<long>(DecisionsCounterName, "{decision}", "Access decisions made, by action and outcome.");
        refreshes = meter.CreateCounter<long>(RefreshesCounterName, "{refresh}", "Polls of policy-api: loaded, unchanged or failed.");
        userInfoRequests = meter.CreateCounter<long>(UserInfoRequestsCounterName, "{request}", "Requests sent to the userinfo endpoint.");
    }

    /// <summary>Userinfo requests this process has sent, for tests and the benchmark to read directly.</summary>
    public long UserInfoRequestsSent => Interlocked.Read(ref userInfoRequestsSent);

    public void Decided(string action, string outcome, int? ruleId) =>
        decisions.Add(1, new TagList { { "action", action }, { "outcome", outcome }, { "rule.id", ruleId } });

    public void Refreshed(string outcome) => refreshes.Add(1, new TagList { { "outcome", outcome } });

    public void UserInfoRequested(bool succeeded)
    {
        Interlocked.Increment(ref userInfoRequestsSent);
        userInfoRequests.Add(1, new TagList { { "outcome", succeeded ? "success" : "failure" } });
    }
}
