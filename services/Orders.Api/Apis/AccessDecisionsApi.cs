using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ShopAuthDemo.Orders.Api.AccessDecisions;
using ShopAuthDemo.Orders.Api.Authorization;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Orders.Api.Apis;

/// <summary>
/// GET /api/access-decisions/mine: the last access decisions about the caller, newest first, with the rule,
/// the reason and each attribute with its source. Only the caller's own: the key is the token's sub.
/// </summary>
public static class AccessDecisionsApi
{
    public static IEndpointRouteBuilder MapAccessDecisionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/access-decisions/mine", GetMine).WithTags("Access decisions").RequireAuthorization(OrdersPolicies.Customer);
        return app;
    }

    public static Ok<IReadOnlyList<RecentDecision>> GetMine(ClaimsPrincipal user, RecentDecisions decisions) =>
        TypedResults.Ok(decisions.Of(user.GetSubject()!));
}
