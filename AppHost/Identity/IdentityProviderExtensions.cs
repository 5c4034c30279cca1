using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.AppHost.Storage;

namespace ShopAuthDemo.AppHost.Identity;

public static class IdentityProviderExtensions
{
    /// <summary>Adds Keycloak or the local stand-in (never both), as <c>Identity:Provider</c> decides.</summary>
    /// <param name="storage">Keycloak keeps its realms and sessions in the run's PostgreSQL container, when there is one.</param>
    public static IdentityProvider AddIdentityProvider(this IDistributedApplicationBuilder builder, StorageResources storage)
    {
        var choice = IdentityProviderChoice.FromConfiguration(builder.Configuration, builder.ExecutionContext.IsPublishMode);
        var realm = RealmSettings.AddParameters(builder);

        IResourceBuilder<IResourceWithEndpoints> resource = choice.Kind == IdentityProviderKind.Keycloak
            ? builder.AddShopKeycloak(realm, storage)
            : builder.AddLocalIdentityProvider(realm);

        builder.OnBeforeStart((@event, _) => LogChoice(@event.Services, resource.Resource, choice));

        return new IdentityProvider(resource, choice, realm);
    }

    /// <summary>
    /// Points a service at the identity provider (Identity:Authority, Identity:Audience) and starts it
    /// only once the provider is healthy, so its first token validation can fetch the signing keys.
    /// </summary>
    public static IResourceBuilder<T> WithIdentityProvider<T>(
        this IResourceBuilder<T> service, IdentityProvider identityProvider, string audience)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport =>
        service
            .WithEnvironment("Identity__Authority", identityProvider.Authority)
            .WithEnvironment("Identity__Audience", audience)
            .WaitFor(identityProvider.Resource);

    /// <summary>Makes a service an OAuth client of the identity provider (Identity:ClientId, Identity:ClientSecret).</summary>
    public static IResourceBuilder<T> WithClientCredentials<T>(
        this IResourceBuilder<T> service, IdentityProvider identityProvider, string clientId,
        IResourceBuilder<ParameterResource> clientSecret)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport =>
        service
            .WithEnvironment("Identity__ClientId", clientId)
            .WithEnvironment("Identity__ClientSecret", clientSecret)
            .WaitFor(identityProvider.Resource);

    private static Task LogChoice(IServiceProvider services, IResource resource, IdentityProviderChoice choice)
    {
        const string Message = "Identity provider: {Resource}, because {Reason}.";

        services.GetRequiredService<ILoggerFactory>()
            .CreateLogger(typeof(IdentityProviderChoice))
            .LogInformation(Message, resource.Name, choice.Reason);

        // Also in the provider's own console log on the dashboard, where a learner looks first.
        services.GetRequiredService<ResourceLoggerService>()
            .GetLogger(resource)
            .LogInformation(Message, resource.Name, choice.Reason);

        return Task.CompletedTask;
    }
}
