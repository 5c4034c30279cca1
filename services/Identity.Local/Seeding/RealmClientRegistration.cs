using OpenIddict.Abstractions;
using ShopAuthDemo.Identity.Local.Realm;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShopAuthDemo.Identity.Local.Seeding;

/// <summary>
/// Registers each realm client with OpenIddict at start-up, translating Keycloak's switches
/// (standard flow, service account, token exchange, PKCE) into OpenIddict permissions and requirements.
/// </summary>
public sealed class RealmClientRegistration(IServiceProvider services, LocalRealm realm, ILogger<RealmClientRegistration> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IdentityLocalDbContext>().Database.EnsureCreatedAsync(cancellationToken);
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        // Bearer-only clients (the APIs) are audiences, never callers.
        foreach (var client in realm.Clients.Where(c => !c.BearerOnly))
        {
            await applications.CreateAsync(Describe(client), cancellationToken);
        }
        logger.LogWarning(
            "Identity.Local is a DEVELOPMENT STAND-IN for Keycloak (realm '{Realm}', {Clients} clients, {Users} users). Not for production.",
            realm.Settings.Name, realm.Clients.Count, realm.Users.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private OpenIddictApplicationDescriptor Describe(RealmClient client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.IsPublic ? null : client.Secret,
            ClientType = client.IsPublic ? ClientTypes.Public : ClientTypes.Confidential,
            DisplayName = client.DisplayName,
        };
        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        if (!client.IsPublic)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Revocation);
            descriptor.Permissions.Add(Permissions.Endpoints.Introspection);
        }

        if (client.StandardFlowEnabled)
        {
            descriptor.Permissions.UnionWith([
                Permissions.Endpoints.Authorization, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code]);
            foreach (var uri in client.RedirectUris) descriptor.RedirectUris.Add(new Uri(uri));
            foreach (var uri in client.PostLogoutRedirectUris) descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }
        if (client.RequirePkceS256) descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        if (client.ServiceAccountsEnabled) descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        if (client.StandardTokenExchangeEnabled)
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.TokenExchange);
            foreach (var audience in ReachableAudiences(client))
                descriptor.Permissions.Add(Permissions.Prefixes.Audience + audience);
        }

        foreach (var scope in client.DefaultScopes.Concat(client.OptionalScopes))
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        return descriptor;
    }

    // The audiences a client's own scopes could ever put in a token: the most an exchange may ask for.
    private IEnumerable<string> ReachableAudiences(RealmClient client) =>
        client.DefaultScopes.Concat(client.OptionalScopes)
            .SelectMany(s => realm.GetScope(s).Mappers)
            .Where(m => m.Type == SupportedMappers.Audience)
            .Select(m => m.Config.GetValueOrDefault("included.client.audience"))
            .OfType<string>()
            .Distinct();
}
