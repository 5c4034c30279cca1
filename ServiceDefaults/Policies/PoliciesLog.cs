using Microsoft.Extensions.Logging;

namespace ShopAuthDemo.ServiceDefaults.Policies;

// What the policy points did: rule versions, outages, decisions. Attribute names and sources, never their
// values (a country, a sign-in time), and never a token; the user appears only as sub.
internal static partial class PoliciesLog
{
    [LoggerMessage(LogLevel.Information, "Access rules version {Version} loaded from policy-api: {Enabled} of {Count} rules enabled")]
    public static partial void RulesLoaded(this ILogger logger, long version, int enabled, int count);

    [LoggerMessage(LogLevel.Warning, "Access rules could not be refreshed from policy-api ({Reason}); deciding on version {Version} until it answers")]
    public static partial void RefreshFailing(this ILogger logger, string reason, long version);

    [LoggerMessage(LogLevel.Warning, "Access rules could not be loaded from policy-api ({Reason}); the actions they govern are refused until they are")]
    public static partial void NeverLoaded(this ILogger logger, string reason);

    [LoggerMessage(LogLevel.Debug, "Access rules still not refreshed from policy-api ({Reason})")]
    public static partial void RefreshStillFailing(this ILogger logger, string reason);

    [LoggerMessage(LogLevel.Information, "policy-api answers again; access rules are version {Version}")]
    public static partial void RefreshRecovered(this ILogger logger, long version);

    [LoggerMessage(LogLevel.Information,
        "Access decision {Outcome} on {Action} for {Sub}, rule {RuleId} '{RuleName}'; attributes read: {Attributes}")]
    public static partial void Decided(this ILogger logger, string outcome, string action, string? sub, int? ruleId, string? ruleName, string attributes);

    // Information, not a warning per request: the refresher has already warned that the rules are missing.
    [LoggerMessage(LogLevel.Information, "{Action} refused for {Sub}: the access rules are not loaded yet")]
    public static partial void RefusedWithoutRules(this ILogger logger, string action, string? sub);

    // Once per user per cache lifetime: the PIP's one network call, visible in the dashboard's logs.
    [LoggerMessage(LogLevel.Information, "Userinfo looked up for {Sub}; cached for {Lifetime}")]
    public static partial void UserInfoLookedUp(this ILogger logger, string sub, TimeSpan lifetime);

    [LoggerMessage(LogLevel.Warning, "Userinfo lookup for {Sub} failed ({Reason}); rules that need the country refuse")]
    public static partial void UserInfoFailed(this ILogger logger, string? sub, string reason);
}
