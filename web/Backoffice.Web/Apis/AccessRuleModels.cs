using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Backoffice.Web.Apis;

// policy-api's shapes beyond the rule vocabulary (AccessRule, AccessRuleInput, AccessRulesDocument), which
// the back office shares with the services through ServiceDefaults/Policies/Rules.

// Body of PUT /api/rules/{id}/enabled.
public sealed record RuleEnabled(bool Enabled);

// GET /api/rules/audit item. Change: "created", "changed", "enabled" or "disabled"; Before is null when created.
public sealed record RuleAuditEntry(int RuleId, DateTimeOffset At, string Who, string Change, AccessRule? Before, AccessRule After);

// GET /api/rule-tests/callers.
public sealed record RuleTestCallers(IReadOnlyList<string> Users, IReadOnlyList<string> Clients);

// Body of POST /api/rule-tests. A what-if value left null is taken from the caller (user directory) or absent.
public sealed record RuleTestRequest(string Action, RuleTestCaller Caller, RuleWhatIf WhatIf);

// Kind: "user" or "client".
public sealed record RuleTestCaller(string Kind, string Name);

public sealed record RuleWhatIf(
    decimal? Amount = null,
    string? Country = null,
    DateTimeOffset? Time = null,
    DateTimeOffset? LastSignIn = null,
    IReadOnlyList<string>? Categories = null,
    decimal? PriceChangePercent = null,
    IReadOnlyList<string>? Groups = null,
    string? Company = null);

// The answer of POST /api/rule-tests: the decision as the services would make it, and what it read.
public sealed record RuleTestResult(
    DecisionOutcome Outcome,
    AccessRule? Rule,
    string Reason,
    int? MaxAgeSeconds,
    IReadOnlyList<DecisionAttribute> Attributes);
