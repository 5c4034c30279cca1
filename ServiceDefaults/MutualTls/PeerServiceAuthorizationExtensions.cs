using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShopAuthDemo.ServiceDefaults.MutualTls;

namespace Microsoft.Extensions.DependencyInjection;

public static class PeerServiceAuthorizationExtensions
{
    /// <summary>A policy that also requires the connection to come from <paramref name="service"/> (its certificate).</summary>
    public static AuthorizationPolicyBuilder RequireConnectionFrom(this AuthorizationPolicyBuilder policy, string service) =>
        policy.AddRequirements(new PeerServiceRequirement(service));

    /// <summary>Registers what <see cref="RequireConnectionFrom"/> needs.</summary>
    public static IServiceCollection AddPeerServiceAuthorization(this IServiceCollection services)
    {
        MutualTlsCredentials.AddOnce(services);
        services.AddHttpContextAccessor();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, PeerServiceHandler>());
        return services;
    }
}
