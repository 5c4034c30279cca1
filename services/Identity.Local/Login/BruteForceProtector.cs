using System.Collections.Concurrent;
using ShopAuthDemo.Identity.Local.Realm;

namespace ShopAuthDemo.Identity.Local.Login;

/// <summary>
/// Temporary lockout after repeated wrong passwords, per user, with Keycloak's rules (DefaultBruteForceProtector):
/// every <c>failureFactor</c> failures lock the user for <c>waitIncrementSeconds</c> times the number of such
/// steps (capped at <c>maxFailureWaitSeconds</c>); two failures closer than <c>quickLoginCheckMilliSeconds</c>
/// lock for <c>minimumQuickLoginWaitSeconds</c>; failures further apart than <c>maxDeltaTimeSeconds</c> start
/// the count again. Stops online password guessing against a known username. Unknown usernames are not
/// tracked, as in Keycloak, so a lockout never appears for a user who does not exist.
/// </summary>
public sealed class BruteForceProtector(ShopRealm realm, TimeProvider time)
{
    private sealed class Failures
    {
        public int Count;
        public DateTimeOffset? Last;
        public DateTimeOffset NotBefore;
    }

    private readonly ConcurrentDictionary<string, Failures> _failures = new();

    private BruteForceDetection Settings => realm.Settings.BruteForce;

    /// <summary>When the user may try again, or null when the user is not locked.</summary>
    public DateTimeOffset? LockedUntil(RealmUser user)
    {
        if (!Settings.Enabled || !_failures.TryGetValue(user.Id, out var failures)) return null;
        lock (failures) return failures.NotBefore > time.GetUtcNow() ? failures.NotBefore : null;
    }

    /// <summary>Counts a wrong password; returns when the user may try again if this failure locked the user.</summary>
    public DateTimeOffset? RecordFailure(RealmUser user)
    {
        if (!Settings.Enabled) return null;
        var now = time.GetUtcNow();
        var failures = _failures.GetOrAdd(user.Id, _ => new Failures());
        lock (failures)
        {
            var sinceLast = now - failures.Last;
            failures.Last = now;
            if (sinceLast > Settings.MaxDeltaTime)
            {
                // Keycloak clears everything here, the time of the last failure included.
                (failures.Count, failures.Last, failures.NotBefore) = (0, null, default);
            }
            failures.Count++;

            var wait = Settings.LinearStrategy
                ? Settings.WaitIncrement * (1 + failures.Count - Settings.FailureFactor)
                : Settings.WaitIncrement * (failures.Count / Settings.FailureFactor);
            if (wait <= TimeSpan.Zero && sinceLast < Settings.QuickLoginCheck)
                wait = Settings.MinimumQuickLoginWait;
            if (wait <= TimeSpan.Zero) return null;

            failures.NotBefore = now + (wait < Settings.MaxFailureWait ? wait : Settings.MaxFailureWait);
            return failures.NotBefore;
        }
    }

    /// <summary>A successful sign-in forgets earlier failures, as Keycloak does.</summary>
    public void RecordSuccess(RealmUser user) => _failures.TryRemove(user.Id, out _);
}
