using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShopAuthDemo.ServiceDefaults.Policies;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyEnforcementPoint;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.TokenManagement;

namespace Microsoft.Extensions.Hosting;

public static class AccessRulesExtensions
{
    // No single request may hold a poll (or a userinfo lookup on the request path) for long.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Lets this service decide <paramref name="action"/> by the access rules of policy-api, with
    /// <typeparamref name="TResourceSource"/> reading the resource the action acts on. Endpoints then say
    /// <c>.RequireAuthorization(policy)</c> with a policy that calls <c>RequireAccessRules(action)</c>.
    /// Needs <c>builder.AddTokenManagement()</c>: the rules are read as this service (scope <c>policies</c>).
    /// </summary>
    public static IHostApplicationBuilder AddAccessRules<TResourceSource>(this IHostApplicationBuilder builder, string action)
        where TResourceSource : class, IResourceAttributeSource
    {
        var services = builder.Services;
        services.AddKeyedScoped<IResourceAttributeSource, TResourceSource>(action);
        if (services.Any(service => service.ServiceType == typeof(AccessRuleStore)))
        {
            return builder;
        }
        if (!services.Any(service => service.ServiceType == typeof(ClientCredentialsTokens)))
        {
            throw new InvalidOperationException("AddAccessRules reads the rules with this service's own token: call builder.AddTokenManagement() first.");
        }

        // Before our handler, so ASP.NET Core's own requirements (roles, scopes) are decided first.
        services.AddAuthorization();
        services.AddMetrics();
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(AccessRulesOptions.From(builder.Configuration));
        services.AddSingleton<AccessRulesMetrics>();

        // PDP: the rules, kept current from policy-api, and said in the health check until first loaded.
        services.AddSingleton<AccessRuleStore>();
        // The refresher's poll is its own retry; the default resilience pipeline would hold a poll for up to
        // 30 s. (RemoveAllResilienceHandlers is marked "for evaluation": the supported way to opt one client out.)
#pragma warning disable EXTEXP0001
        services.AddHttpClient<IAccessRulesSource, PolicyApiRulesClient>(http => http.Timeout = RequestTimeout)
            .CallsInternalService("policy-api")
            .AddClientCredentialsToken(scope: "policies")
            .RemoveAllResilienceHandlers();
        services.AddHostedService<AccessRulesRefresher>();
        services.AddHealthChecks().AddCheck<AccessRulesHealthCheck>(AccessRulesHealthCheck.Name);
        services.AddSingleton<DecisionRecorder>();

        // PIP: token claims and the clock; userinfo (one attempt, on the request path) only for rules that need it.
        services.AddHttpClient<UserInfoClient>(http => http.Timeout = RequestTimeout).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.AddSingleton<UserInfoSource>();
        services.AddSingleton<ContextSource>();
        services.TryAddSingleton<ISubjectTokenSource, BearerHeaderSubjectTokenSource>();
        services.AddSingleton<AccessRequestAssembler>();

        // PEP: the requirement's handler and the answers to its failures.
        services.AddSingleton<IAuthorizationHandler, AccessRuleHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AccessRuleResultHandler>();
        return builder;
    }
}
