namespace ShopAuthDemo.AppHost.Storage.Accounts;

/// <summary>
/// <c>ConnectionStrings:&lt;database&gt;</c> of one service: the server the run uses, signed in as the service's own
/// role. Resolved when the service starts, after the server is known and the role made.
/// </summary>
internal sealed class PostgresRoleConnectionString(IResourceWithConnectionString server, PostgresRole role)
    : IValueProvider, IManifestExpressionProvider
{
    // Never in a manifest (roles exist in run mode only); named after the role for the dashboard's view.
    public string ValueExpression => $"{{{server.Name}.connectionString(role={role.Name};database={role.Database})}}";

    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
        await server.GetConnectionStringAsync(cancellationToken) is { } admin ? role.ConnectionString(admin) : null;
}
