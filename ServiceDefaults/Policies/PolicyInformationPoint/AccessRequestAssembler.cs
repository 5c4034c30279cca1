using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;
using ShopAuthDemo.ServiceDefaults.TokenManagement;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;

/// <summary>
/// The PIP at work for one request: each attribute from its named source. The resource first (a request
/// without one is answered before anything else is asked), userinfo only when an enabled rule of the
/// action reads the country or the company (one lookup gives both), and the clock last, at the moment of the decision.
/// </summary>
public sealed class AccessRequestAssembler(UserInfoSource userInfo, ContextSource context, ISubjectTokenSource callerToken)
{
    public async Task<(AccessRequest? Request, IResult? Refusal)> AssembleAsync(string action, AccessRuleSet rules,
        HttpContext httpContext, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var resource = await httpContext.RequestServices.GetRequiredKeyedService<IResourceAttributeSource>(action)
            .ReadAsync(httpContext, cancellationToken);
        if (resource.Refusal is { } refusal) return (null, refusal);

        var info = rules.ReadsUserInfo(action)
            ? await userInfo.LookUpAsync(user, await callerToken.GetSubjectTokenAsync(cancellationToken), cancellationToken)
            : Sourced<UserInfoAttributes?>.Absent(null);

        return (new AccessRequest
        {
            Action = action,
            Subject = TokenClaimsSource.Subject(user),
            AuthenticatedAt = TokenClaimsSource.AuthenticatedAt(user),
            Groups = TokenClaimsSource.Groups(user),
            Country = new(info.Value?.Country, info.Source),
            Company = new(info.Value?.Company, info.Source),
            OrderTotal = resource.OrderTotal,
            ProductCategories = resource.ProductCategories,
            PriceChangePercent = resource.PriceChangePercent,
            Now = context.Now(),
        }, null);
    }
}
