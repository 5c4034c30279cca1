namespace ShopAuthDemo.AppHost.Storage.Accounts;

/// <summary>
/// <c>ConnectionStrings:redis</c> of one app: the Redis the run uses, signed in as the app's own user. Resolved when
/// the app starts, after the server is known (a container's port is allocated at run time) and the user made.
/// </summary>
internal sealed class RedisAccountConnectionString(IResourceWithConnectionString redis, RedisAccount account)
    : IValueProvider, IManifestExpressionProvider
{
    // Never in a manifest (accounts exist in run mode only); named after the account for the dashboard's view.
    public string ValueExpression => $"{{{redis.Name}.connectionString(user={account.User})}}";

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
        await redis.GetConnectionStringAsync(cancellationToken) is { } admin
            ? RedisAccounts.ConnectionString(admin, account)
            : null;
}
