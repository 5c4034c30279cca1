using System.Collections.Concurrent;
using ShopAuthDemo.Identity.Local.Realm;

namespace ShopAuthDemo.Identity.Local.Login;

/// <summary>
/// Temporary lockout after repeated wrong passwords, per user, with Keycloak's rules (DefaultBruteForceProtector):
/// every <c>failureFactor</c> failures lock the user for <c>waitIncrementSeconds</c> times the number of such
/// steps (capped at <c>maxFailureWaitSeconds</c>); two failures closer than <c>quickLoginCheckMilliSeconds</c>
/// lock for <c>minimumQuickLoginWaitSeconds</c>; failures further apart than <c>maxDeltaTimeSeconds</c> start
/// the count again. Stops online password guessing against a known username. A name that matches no user is
/// counted by the same rules (<see cref="UnknownLoginNames"/>), so a lockout never reveals who exists.
/// </summary>
public sealed class BruteForceProtector(LocalRealm realm, TimeProvider time, UnknownLoginNames unknownNames)
{
    private readonly ConcurrentDictionary<string, FailedSignIns> _users = new();

    private BruteForceDetection Settings => realm.Settings.BruteForce;

    /// <summary>When this user, or this typed name if it matches no user, may try again; null when not locked.</summary>
    public DateTimeOffset? LockedUntil(RealmUser? user, string typedName)
    {
        if (!Settings.Enabled) return null;
        var failures = user is null ? unknownNames.Find(typedName) : _users.GetValueOrDefault(user.Id);
        if (failures is null) return null;
        lock (failures) return failures.NotBefore > time.GetUtcNow() ? failures.NotBefore : null;
    }

    /// <summary>Counts a wrong password; returns when the user may try again if this failure locked the user.</summary>
    public DateTimeOffset? RecordFailure(RealmUser? user, string typedName)
    {
        if (!Settings.Enabled) return null;
        var now = time.GetUtcNow();
        var failures = user is null ? unknownNames.Track(typedName) : _users.GetOrAdd(user.Id, _ => new FailedSignIns());
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
    public void RecordSuccess(RealmUser user) => _users.TryRemove(user.Id, out _);
}

/// <summary>One account's (or one unknown name's) recent wrong passwords; lock it while reading or writing.</summary>
public sealed class FailedSignIns
{
    public int Count;
    public DateTimeOffset? Last;
    public DateTimeOffset NotBefore;
}
