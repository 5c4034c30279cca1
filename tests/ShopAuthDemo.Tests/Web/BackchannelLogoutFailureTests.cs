using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using ShopAuthDemo.Tests.Web.Support;
using ShopAuthDemo.Web.Authentication.BackchannelLogout;
using ShopAuthDemo.Web.Authentication.Sessions;
using StackExchange.Redis;

namespace ShopAuthDemo.Tests.Web;

/// <summary>
/// A logout token is accepted once. If the sessions it names could not be ended (the session store failed right
/// after the token was accepted), the same token sent again must still end them, not be refused as a replay.
/// </summary>
public sealed class BackchannelLogoutFailureTests : IDisposable
{
    private readonly LogoutTokens _tokens = new();

    [Fact]
    public async Task A_logout_whose_sessions_could_not_be_ended_can_be_sent_again()
    {
        var replays = new InMemoryLogoutTokenReplayCache(TimeProvider.System);
        var validator = _tokens.ValidatorWith(replays);
        var sessions = new FailingOnceSessionStore();
        var token = _tokens.Create();

        await Assert.ThrowsAsync<RedisConnectionException>(() => PostAsync(token, validator, sessions, replays));
        var again = await PostAsync(token, validator, sessions, replays);

        Assert.Equal(StatusCodes.Status200OK, again);
        Assert.Equal(1, sessions.Ended);
        // And once done, the token is spent.
        Assert.Equal(StatusCodes.Status400BadRequest, await PostAsync(token, validator, sessions, replays));
    }

    private static async Task<int> PostAsync(string token, LogoutTokenValidator validator, IUserSessionStore sessions,
        ILogoutTokenReplayCache replays)
    {
        var context = new DefaultHttpContext { RequestServices = new NullServiceProvider() };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new MemoryStream(Encoding.ASCII.GetBytes($"logout_token={token}"));
        var result = await BackchannelLogoutEndpoint.HandleAsync(context, validator, sessions, replays, NullLoggerFactory.Instance);
        await result.ExecuteAsync(context);
        return context.Response.StatusCode;
    }

    public void Dispose() => _tokens.Dispose();

    private sealed class NullServiceProvider : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(Microsoft.Extensions.Logging.ILoggerFactory) ? NullLoggerFactory.Instance : null;
    }

    // The store fails once, as Redis would on a blip, then ends sessions normally.
    private sealed class FailingOnceSessionStore : IUserSessionStore
    {
        private bool _failed;

        public int Ended { get; private set; }

        public bool HandsOutStoredInstances => false;

        public Task<IReadOnlyList<UserSession>> EndForIdentityProviderAsync(string? sid, string? sub)
        {
            if (!_failed)
            {
                _failed = true;
                throw new RedisConnectionException(ConnectionFailureType.SocketFailure, CommandFlags.None, "Redis went away", null, CommandStatus.Unknown);
            }

            Ended++;
            return Task.FromResult<IReadOnlyList<UserSession>>([]);
        }

        public Task SaveAsync(UserSession session) => throw new NotSupportedException();
        public Task<UserSession?> FindAsync(string? key) => throw new NotSupportedException();
        public Task<bool> UpdateTicketAsync(string key, Func<UserSession, UserSession> update) => throw new NotSupportedException();
        public Task<bool> UpdateTokensAsync(string key, UserTokens tokens) => throw new NotSupportedException();
        public Task<UserSession?> RemoveAsync(string? key) => throw new NotSupportedException();
        public Task<IAsyncDisposable> LockForRefreshAsync(string key, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
