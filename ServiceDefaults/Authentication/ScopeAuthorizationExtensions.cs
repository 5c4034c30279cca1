using Microsoft.AspNetCore.Authorization;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace Microsoft.Extensions.Hosting;

public static class ScopeAuthorizationExtensions
{
    // RequireClaim("scope", "orders") would compare against the whole space-separated string.
    public static AuthorizationPolicyBuilder RequireScope(this AuthorizationPolicyBuilder policy, string scope) =>
        policy.RequireAssertion(context => context.User.HasScope(scope));
}
