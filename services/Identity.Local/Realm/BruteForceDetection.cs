namespace ShopAuthDemo.Identity.Local.Realm;

/// <summary>
/// The realm's brute-force detection (Keycloak's temporary lockout), read from the realm file with Keycloak's
/// defaults for what it leaves out. Without it an attacker can guess a user's password as fast as the
/// login page answers.
/// </summary>
public sealed record BruteForceDetection(
    bool Enabled,
    bool LinearStrategy,
    int FailureFactor,
    TimeSpan WaitIncrement,
    TimeSpan MaxFailureWait,
    TimeSpan MinimumQuickLoginWait,
    TimeSpan QuickLoginCheck,
    TimeSpan MaxDeltaTime)
{
    public static BruteForceDetection From(RealmRepresentation file, Action<bool, string> require)
    {
        // Permanent lockout disables the user in Keycloak's database until an admin enables them again.
        require(file.PermanentLockout is not true, "permanentLockout true is not supported (temporary lockout only)");
        require(file.MaxTemporaryLockouts is null or 0, "maxTemporaryLockouts is not supported (it only applies to permanent lockout)");
        require(file.BruteForceStrategy is null or "MULTIPLE" or "LINEAR",
            $"bruteForceStrategy '{file.BruteForceStrategy}' (MULTIPLE or LINEAR)");
        require(file.FailureFactor is null or > 0, "failureFactor must be at least 1");

        return new BruteForceDetection(
            file.BruteForceProtected ?? false,
            LinearStrategy: file.BruteForceStrategy == "LINEAR",
            file.FailureFactor ?? 30,
            TimeSpan.FromSeconds(file.WaitIncrementSeconds ?? 60),
            TimeSpan.FromSeconds(file.MaxFailureWaitSeconds ?? 900),
            TimeSpan.FromSeconds(file.MinimumQuickLoginWaitSeconds ?? 60),
            TimeSpan.FromMilliseconds(file.QuickLoginCheckMilliSeconds ?? 1000),
            TimeSpan.FromSeconds(file.MaxDeltaTimeSeconds ?? 12 * 60 * 60));
    }
}
