using StackExchange.Redis;

namespace ShopAuthDemo.AppHost.Storage.Accounts;

/// <summary>
/// The Redis users of this run, one per app, made by the AppHost with the admin connection before any app starts.
/// Each app is then given a connection string with its own user; the admin password stays with the AppHost.
/// </summary>
/// <remarks>
/// Only when running: a deployment declares its users with the platform (an ACL file, the managed Redis' users),
/// with the same rules as <see cref="RedisAccount.AccessRules"/>.
/// </remarks>
public sealed class RedisAccounts
{
    private readonly Dictionary<string, RedisAccount> accounts = [];

    /// <summary>The account of <paramref name="app"/> (one for all of its replicas), made on first use.</summary>
    public RedisAccount For(ProjectResource app) => For(app.Name, ApplicationName(app));

    /// <summary>The account named <paramref name="user"/>, whose keys start with <c>&lt;applicationName&gt;:</c>.</summary>
    public RedisAccount For(string user, string applicationName)
    {
        lock (accounts)
        {
            return accounts.TryGetValue(user, out var account)
                ? account
                : accounts[user] = new RedisAccount(user, StorePassword.New(), $"{applicationName}:");
        }
    }

    /// <summary><c>ACL SETUSER</c> for every account, as the admin; a user left from an earlier run is reset.</summary>
    public async Task ProvisionAsync(IResourceWithConnectionString redis, CancellationToken cancellationToken) =>
        await ProvisionAsync(await AdminConnection.StringOf(redis, cancellationToken), cancellationToken);

    public async Task ProvisionAsync(string adminConnectionString, CancellationToken cancellationToken)
    {
        var options = ConfigurationOptions.Parse(adminConnectionString);
        // ACL is an admin command, which StackExchange.Redis refuses to send unless told it is meant.
        options.AllowAdmin = true;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        RedisAccount[] all;
        lock (accounts) all = [.. accounts.Values];
        foreach (var account in all)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await redis.GetDatabase().ExecuteAsync("ACL", ["SETUSER", account.User, .. account.AccessRules()]);
        }
    }

    /// <summary>The admin's connection string (host, port, TLS and timeouts) with the app's user and password instead.</summary>
    public static string ConnectionString(string adminConnectionString, RedisAccount account)
    {
        var options = ConfigurationOptions.Parse(adminConnectionString);
        options.User = account.User;
        options.Password = account.Password;
        return options.ToString(includePassword: true);
    }

    // The app's ASP.NET Core ApplicationName, i.e. its entry assembly's name, which is its project file's name
    // (no project here sets <AssemblyName>): the name the app itself builds its key prefix from.
    private static string ApplicationName(ProjectResource app) =>
        Path.GetFileNameWithoutExtension(app.GetProjectMetadata().ProjectPath);
}
