using Microsoft.AspNetCore.Authorization;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace Microsoft.Extensions.Hosting;

public static class ClientRoleAuthorizationExtensions
{
    // A role Keycloak grants on one client (resource_access.{clientId}.roles), typically to a
    // service account; realm roles of the same name do not count.
    public static AuthorizationPolicyBuilder RequireClientRole(
        this AuthorizationPolicyBuilder policy, string clientId, string role) =>
        policy.RequireAssertion(context => context.User.HasClientRole(clientId, role));
}
