using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Policy.Api.Infrastructure;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Policy.Api.Rules;

/// <summary>
/// The stored rules: read as one versioned document, changed only together with a new version and an
/// audit entry, in one transaction. A change that changes nothing (enabling an enabled rule) is not one:
/// no new version, no audit entry, so the services' ETag polls stay quiet.
/// </summary>
public sealed class RuleStore(PolicyContext policy, TimeProvider clock, ILogger<RuleStore> logger)
{
    public async Task<long> ReadVersionAsync(CancellationToken cancellationToken) =>
        await policy.Versions.AsNoTracking().Select(v => v.Version).SingleAsync(cancellationToken);

    public async Task<AccessRulesDocument> ReadAsync(CancellationToken cancellationToken)
    {
        // The version first. Should a change land between the two reads, this answer pairs the old number with
        // the new rules, and the next poll (sending the old ETag) fetches them again. The other order could pair
        // the old rules with the new number: a service would keep them, hidden behind a current-looking ETag.
        var version = await ReadVersionAsync(cancellationToken);
        var rules = await policy.Rules.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return new AccessRulesDocument(version, [.. rules.Select(r => r.ToRule())]);
    }

    public async Task<AccessRule?> FindAsync(int id, CancellationToken cancellationToken) =>
        (await policy.Rules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken))?.ToRule();

    public async Task<IReadOnlyList<RuleAuditEntry>> ReadAuditAsync(CancellationToken cancellationToken) =>
        await policy.Audit.AsNoTracking().OrderByDescending(e => e.Id).ToListAsync(cancellationToken);

    public async Task<AccessRule> CreateAsync(AccessRuleInput input, RuleAuthor author, CancellationToken cancellationToken) =>
        await ChangeAsync(id: null, RuleChanges.Created, rule => rule.Apply(input), author, cancellationToken)
            ?? throw new InvalidOperationException("A new rule is always a change.");

    /// <returns>The rule as it is now, or null when there is no rule with this id.</returns>
    public Task<AccessRule?> ReplaceAsync(int id, AccessRuleInput input, RuleAuthor author, CancellationToken cancellationToken) =>
        ChangeAsync(id, RuleChanges.Changed, rule => rule.Apply(input), author, cancellationToken);

    /// <returns>The rule as it is now, or null when there is no rule with this id.</returns>
    public Task<AccessRule?> SetEnabledAsync(int id, bool enabled, RuleAuthor author, CancellationToken cancellationToken) =>
        ChangeAsync(id, enabled ? RuleChanges.Enabled : RuleChanges.Disabled, rule => rule.Enabled = enabled, author, cancellationToken);

    // On PostgreSQL, Aspire's client retries a transient failure, which an explicit transaction must allow for:
    // the execution strategy runs the whole transaction again, from a clean change tracker. (SQLite's never retries.)
    private Task<AccessRule?> ChangeAsync(
        int? id, string change, Action<StoredRule> apply, RuleAuthor author, CancellationToken cancellationToken) =>
        policy.Database.CreateExecutionStrategy().ExecuteAsync(async attemptCancellation =>
        {
            policy.ChangeTracker.Clear();
            return await ChangeOnceAsync(id, change, apply, author, attemptCancellation);
        }, cancellationToken);

    private async Task<AccessRule?> ChangeOnceAsync(
        int? id, string change, Action<StoredRule> apply, RuleAuthor author, CancellationToken cancellationToken)
    {
        await using var transaction = await policy.Database.BeginTransactionAsync(cancellationToken);
        // The version row first: its update takes the write lock, so two admins saving at once are
        // serialized and each change reads the rule as the other left it (SQLite locks the file already;
        // on a server database this row lock does it).
        await policy.Versions.ExecuteUpdateAsync(v => v.SetProperty(row => row.Version, row => row.Version + 1), cancellationToken);

        var stored = id is null ? null : await policy.Rules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (id is not null && stored is null)
        {
            return null;
        }

        var before = stored?.ToRule();
        if (stored is null)
        {
            stored = new StoredRule { Name = "", Parameters = new() };
            policy.Rules.Add(stored);
        }

        apply(stored);
        if (before is not null && RuleJson.Serialize(before) == RuleJson.Serialize(stored.ToRule()))
        {
            // Nothing changed: the transaction is rolled back with the version it bumped.
            return before;
        }

        await policy.SaveChangesAsync(cancellationToken);
        var version = await ReadVersionAsync(cancellationToken);
        var after = stored.ToRule();
        policy.Audit.Add(new RuleAuditEntry
        {
            RuleId = after.Id,
            Version = version,
            At = clock.GetUtcNow(),
            Who = author.Username,
            WhoSub = author.Subject,
            Change = change,
            Before = before,
            After = after,
        });
        await policy.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Who (sub) and what; the rule's parameters are in the audit log, the admin's token nowhere.
        logger.LogInformation("Access rule {RuleId} {Change} by {Subject}: rules are now version {Version}",
            after.Id, change, author.Subject, version);
        return after;
    }
}
