using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Policy.Api.Authorization;

public static class PolicyApiPolicies
{
    public const string ReadRules = "read-rules";
    public const string ManageRules = "manage-rules";

    public const string Audience = "policy-api";
    public const string RulesScope = "policies";
    public const string AdminRole = "admin";

    // Realm roles only people hold. A service account holds none of them (as in PaymentsPolicies), so
    // this tells a service's own client-credentials token from a user's token using standard claims only.
    private static readonly string[] PersonRoles = ["customer", "staff", AdminRole];

    public static AuthorizationBuilder AddPolicyApiPolicies(this AuthorizationBuilder authorization, RuleReaderClients readers) =>
        authorization
            .AddPolicy(ReadRules, policy => policy
                .RequireAuthenticatedUser()
                // Bearer validation checks aud too; repeating it keeps this rule true if that is ever loosened.
                .RequireClaim(JwtClaimTypes.Audience, Audience)
                .RequireAssertion(context => context.User.IsInRole(AdminRole) || IsDecidingService(context.User, readers)))
            // Only admins change rules: a rule can lift a step-up or a refusal in every service at once.
            .AddPolicy(ManageRules, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(JwtClaimTypes.Audience, Audience)
                .RequireRole(AdminRole)
                // The audit log names the admin by sub.
                .RequireClaim(JwtClaimTypes.Subject));

    // A service that decides with the rules, asking as itself. Not a user: a customer's token never reads
    // them, and neither does a user's token that such a service obtained by token exchange (azp would be
    // the service, but the subject would still be a person with a person's roles).
    private static bool IsDecidingService(ClaimsPrincipal user, RuleReaderClients readers) =>
        user.HasScope(RulesScope)
        && readers.Contains(user.GetAuthorizedParty())
        && !Array.Exists(PersonRoles, user.IsInRole);
}
