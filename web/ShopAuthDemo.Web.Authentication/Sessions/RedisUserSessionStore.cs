using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ShopAuthDemo.Web.Authentication.Sessions;

/// <summary>
/// The sessions in Redis, shared by every replica of the app: any replica serves any signed-in browser, a
/// restart signs nobody out, and a logout received by one replica ends the session on all of them at once
/// (nothing is cached here, so no replica can keep an ended session alive).
/// </summary>
/// <remarks>
/// Each session is one protected value (see <see cref="ProtectedSessionFormat"/>) whose Redis expiry is the
/// session's; two sets per session (by <c>sid</c>, by <c>sub</c>) find it for back-channel logout and live
/// as long as their longest session.
/// </remarks>
public sealed class RedisUserSessionStore(
    IConnectionMultiplexer redis,
    ProtectedSessionFormat format,
    RedisSessionKeys keys,
    TimeProvider time,
    ILogger<RedisUserSessionStore> logger) : IUserSessionStore
{
    // A renewal's token request gives up after 20 s (UserAccessTokens); the lock outlives it, so a live holder
    // always releases it, and a crashed one blocks the session's renewals for no longer than this.
    private static readonly TimeSpan RefreshLockLifetime = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RefreshLockPoll = TimeSpan.FromMilliseconds(50);

    // A ticket renewal and a token refresh may meet on one session; the loser reads again and retries.
    private const int MaximumUpdateAttempts = 10;

    private IDatabase Database => redis.GetDatabase();

    // Every lookup decrypts and decodes its own copy.
    public bool HandsOutStoredInstances => false;

    public async Task SaveAsync(UserSession session)
    {
        var transaction = Database.CreateTransaction();
        var writing = Write(transaction, session);
        await transaction.ExecuteAsync();
        await writing;
    }

    public async Task<UserSession?> FindAsync(string? key)
    {
        if (key is null) return null;
        // One GET, then one decryption: no lock, no second read, nothing kept here between requests.
        var session = Read(await Database.StringGetAsync(keys.Session(RedisSessionKeys.Id(key))), key);
        return session is not null && session.ExpiresAt > time.GetUtcNow() ? session : null;
    }

    public Task<bool> UpdateTicketAsync(string key, Func<UserSession, UserSession> update) => UpdateAsync(key, update);

    public Task<bool> UpdateTokensAsync(string key, UserTokens tokens) => UpdateAsync(key, session => session with { Tokens = tokens });

    public async Task<UserSession?> RemoveAsync(string? key) => key is null ? null : await RemoveByIdAsync(RedisSessionKeys.Id(key));

    public async Task<IReadOnlyList<UserSession>> EndForIdentityProviderAsync(string? sid, string? sub)
    {
        if (sid is null && sub is null) return [];
        var index = sid is not null ? keys.ByIdentityProviderSession(sid) : keys.BySubject(sub!);

        var ended = new List<UserSession>();
        foreach (var member in await Database.SetMembersAsync(index))
        {
            var id = member.ToString();
            var session = ReadById(await Database.StringGetAsync(keys.Session(id)), id);
            if (session is null) await Database.SetRemoveAsync(index, member); // expired: tidy the index
            else if (session.IsNamedByLogout(sid, sub) && await RemoveByIdAsync(id) is { } removed)
            {
                logger.LogInformation("Session of {Sub} ended by back-channel logout (identity provider session {Sid})",
                    removed.Subject, removed.IdentityProviderSessionId);
                ended.Add(removed);
            }
        }
        return ended;
    }

    public async Task<IAsyncDisposable> LockForRefreshAsync(string key, CancellationToken cancellationToken)
    {
        var name = keys.RefreshLock(RedisSessionKeys.Id(key));
        var holder = Guid.NewGuid().ToString("N");
        while (!await Database.LockTakeAsync(name, holder, RefreshLockLifetime))
            await Task.Delay(RefreshLockPoll, cancellationToken);
        return new RefreshLock(Database, name, holder);
    }

    private async Task<bool> UpdateAsync(string key, Func<UserSession, UserSession> update)
    {
        var id = RedisSessionKeys.Id(key);
        for (var attempt = 0; attempt < MaximumUpdateAttempts; attempt++)
        {
            var stored = await Database.StringGetAsync(keys.Session(id));
            if (Read(stored, key) is not { } session) return false;

            // Written only if nobody changed (or ended) the session since it was read.
            var transaction = Database.CreateTransaction();
            transaction.AddCondition(Condition.StringEqual(keys.Session(id), stored));
            var writing = Write(transaction, update(session));
            if (await transaction.ExecuteAsync())
            {
                await writing;
                return true;
            }
        }
        throw new InvalidOperationException("The session kept changing while it was being updated.");
    }

    // GETDEL: of two replicas ending the same session, exactly one gets it (and revokes its refresh token).
    private async Task<UserSession?> RemoveByIdAsync(string id)
    {
        var stored = await Database.StringGetDeleteAsync(keys.Session(id));
        if (ReadById(stored, id) is not { } session) return null;
        var batch = Database.CreateBatch();
        var removing = Task.WhenAll(Indexes(session).Select(index => batch.SetRemoveAsync(index, id)));
        batch.Execute();
        await removing;
        return session;
    }

    private Task Write(IDatabaseAsync batch, UserSession session)
    {
        var id = RedisSessionKeys.Id(session.Key);
        var lifetime = session.ExpiresAt - time.GetUtcNow();
        if (lifetime <= TimeSpan.Zero) return batch.KeyDeleteAsync(keys.Session(id));

        var writes = new List<Task> { batch.StringSetAsync(keys.Session(id), format.Protect(session), lifetime) };
        foreach (var index in Indexes(session))
        {
            writes.Add(batch.SetAddAsync(index, id));
            // An index lives as long as its longest session: set when new, only ever extended.
            writes.Add(batch.KeyExpireAsync(index, lifetime, ExpireWhen.HasNoExpiry));
            writes.Add(batch.KeyExpireAsync(index, lifetime, ExpireWhen.GreaterThanCurrentExpiry));
        }
        return Task.WhenAll(writes);
    }

    private IEnumerable<RedisKey> Indexes(UserSession session)
    {
        if (session.IdentityProviderSessionId is { } sid) yield return keys.ByIdentityProviderSession(sid);
        if (session.Subject is { } sub) yield return keys.BySubject(sub);
    }

    // The key check refuses a value copied under another session's name. Where the key is known, comparing it is
    // enough (equal keys, equal ids) and spares hashing the stored key again on every request.
    private UserSession? Read(RedisValue stored, string key) =>
        stored.IsNull || format.Unprotect((byte[])stored!) is not { } session || session.Key != key ? null : session;

    private UserSession? ReadById(RedisValue stored, string id) =>
        stored.IsNull || format.Unprotect((byte[])stored!) is not { } session || RedisSessionKeys.Id(session.Key) != id ? null : session;

    private sealed class RefreshLock(IDatabase database, RedisKey name, string holder) : IAsyncDisposable
    {
        // Released only by its holder: after an expiry, another replica may hold it.
        public async ValueTask DisposeAsync() => await database.LockReleaseAsync(name, holder);
    }
}
