namespace ShopAuthDemo.AppHost.Storage;

/// <summary>The connection string the AppHost itself signs in with: the store's admin, never given to an app.</summary>
internal static class AdminConnection
{
    public static async Task<string> StringOf(IResourceWithConnectionString store, CancellationToken cancellationToken) =>
        await store.GetConnectionStringAsync(cancellationToken)
        ?? throw new InvalidOperationException($"ConnectionStrings:{store.Name} has no value: the apps' accounts on it cannot be made.");
}
