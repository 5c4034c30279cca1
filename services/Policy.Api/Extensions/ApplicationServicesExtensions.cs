using Microsoft.Extensions.DependencyInjection.Extensions;
using ShopAuthDemo.Policy.Api.Authorization;
using ShopAuthDemo.Policy.Api.Infrastructure;
using ShopAuthDemo.Policy.Api.PolicyInformationPoint;
using ShopAuthDemo.Policy.Api.Rules;
using ShopAuthDemo.Policy.Api.RuleTesting;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Policy.Api.Extensions;

public static class ApplicationServicesExtensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // PostgreSQL when the AppHost scales out, else a SQLite file, so the rules and their audit log survive a restart.
        builder.AddServiceDatabase<PolicyContext, SqlitePolicyContext, PostgreSqlPolicyContext>(
            "policydb", defaultSqliteFile: "policy.db", seed: RuleSeed.SeedAsync);
        builder.Services.AddHealthChecks().AddCheck<PolicyDatabaseHealthCheck>("policy-database");

        builder.Services.ConfigureHttpJsonOptions(json => RuleJson.Configure(json.SerializerOptions));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<RuleStore>();
        builder.Services.AddScoped<RuleTester>();
        builder.Services.AddSingleton(TestClients.From(builder.Configuration));

        // The rule tester's lookups, made as policy-api itself. No scope: the role its service account holds
        // (realm-management view-users) comes with the client's default scopes.
        var identity = IdentityProviderSettings.From(builder.Configuration);
        builder.Services.AddHttpClient<UserDirectory>(http => http.BaseAddress = UserDirectory.AdminAddress(identity.Authority))
            .AddClientCredentialsToken(scope: null);

        builder.Services.AddAuthorizationBuilder().AddPolicyApiPolicies(RuleReaderClients.From(builder.Configuration));
    }
}
