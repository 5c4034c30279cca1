using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ShopAuthDemo.Policy.Api.Authorization;
using ShopAuthDemo.Policy.Api.Rules;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Policy.Api.Apis;

/// <summary>The PAP's rules: read by the services that decide with them, changed only by admins.</summary>
public static class RulesApi
{
    public static IEndpointRouteBuilder MapRulesApi(this IEndpointRouteBuilder app)
    {
        var rules = app.MapGroup("/api/rules").WithTags("Rules");

        rules.MapGet("/", GetRules).RequireAuthorization(PolicyApiPolicies.ReadRules);
        rules.MapGet("/{id:int}", GetRule).RequireAuthorization(PolicyApiPolicies.ReadRules);
        rules.MapPost("/", CreateRule).RequireAuthorization(PolicyApiPolicies.ManageRules);
        rules.MapPut("/{id:int}", ReplaceRule).RequireAuthorization(PolicyApiPolicies.ManageRules);
        rules.MapPut("/{id:int}/enabled", SetEnabled).RequireAuthorization(PolicyApiPolicies.ManageRules);
        rules.MapGet("/audit", GetAudit).RequireAuthorization(PolicyApiPolicies.ManageRules);

        return app;
    }

    public static async Task<Results<Ok<AccessRulesDocument>, StatusCodeHttpResult>> GetRules(
        HttpContext context, RuleStore store, CancellationToken cancellationToken)
    {
        var version = await store.ReadVersionAsync(cancellationToken);
        if (RulesETag.IsCurrent(context.Request, version))
        {
            context.Response.Headers.ETag = RulesETag.For(version);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        var document = await store.ReadAsync(cancellationToken);
        context.Response.Headers.ETag = RulesETag.For(document.Version);
        return TypedResults.Ok(document);
    }

    public static async Task<Results<Ok<AccessRule>, ProblemHttpResult>> GetRule(int id, RuleStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } rule
            ? TypedResults.Ok(rule)
            : PolicyProblems.RuleNotFound(id);

    public static async Task<Results<Created<AccessRule>, ValidationProblem>> CreateRule(
        JsonBody<AccessRuleInput> body, ClaimsPrincipal user, RuleStore store, CancellationToken cancellationToken)
    {
        if (Problems(body) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var rule = await store.CreateAsync(body.Value!, RuleAuthor.From(user), cancellationToken);
        return TypedResults.Created($"/api/rules/{rule.Id}", rule);
    }

    public static async Task<Results<Ok<AccessRule>, ValidationProblem, ProblemHttpResult>> ReplaceRule(
        int id, JsonBody<AccessRuleInput> body, ClaimsPrincipal user, RuleStore store, CancellationToken cancellationToken)
    {
        if (Problems(body) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await store.ReplaceAsync(id, body.Value!, RuleAuthor.From(user), cancellationToken) is { } rule
            ? TypedResults.Ok(rule)
            : PolicyProblems.RuleNotFound(id);
    }

    public static async Task<Results<Ok<AccessRule>, ValidationProblem, ProblemHttpResult>> SetEnabled(
        int id, JsonBody<EnabledChange> body, ClaimsPrincipal user, RuleStore store, CancellationToken cancellationToken)
    {
        var errors = body.Errors.Count > 0 ? body.Errors : body.Value!.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await store.SetEnabledAsync(id, body.Value!.Enabled!.Value, RuleAuthor.From(user), cancellationToken) is { } rule
            ? TypedResults.Ok(rule)
            : PolicyProblems.RuleNotFound(id);
    }

    public static async Task<Ok<List<RuleAuditEntryResponse>>> GetAudit(RuleStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ReadAuditAsync(cancellationToken)).Select(RuleAuditEntryResponse.From).ToList());

    // Every field at once: the body's unreadable values, else the rule's own checks.
    private static Dictionary<string, string[]> Problems(JsonBody<AccessRuleInput> body) =>
        body.Errors.Count > 0 ? body.Errors : RuleValidation.Validate(body.Value!);
}
