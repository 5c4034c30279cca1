using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using ShopAuthDemo.ServiceDefaults.MutualTls;

namespace ShopAuthDemo.ServiceDefaults.MutualTls;

/// <summary>
/// The request came over a connection whose client certificate names <see cref="Service"/>: identity at the
/// transport, checked next to the token's. A stolen token replayed from anywhere else fails here.
/// </summary>
public sealed record PeerServiceRequirement(string Service) : IAuthorizationRequirement;

public sealed class PeerServiceHandler(IHttpContextAccessor accessor, MutualTlsCredentials credentials)
    : AuthorizationHandler<PeerServiceRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PeerServiceRequirement requirement)
    {
        // Switched off (the benchmark's baseline): there is no peer to check; the service warned at start-up.
        if (!credentials.Enabled || accessor.HttpContext?.PeerService() == requirement.Service)
            context.Succeed(requirement);
        else
            context.Fail(new AuthorizationFailureReason(this,
                $"The connection must come from {requirement.Service} (mutual TLS); it came from {accessor.HttpContext?.PeerService() ?? "no service"}."));
        return Task.CompletedTask;
    }
}
