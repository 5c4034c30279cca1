using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace Microsoft.Extensions.Hosting;

public static class WhoAmIEndpoint
{
    // Lets a learner see, per API, what actually arrived: whose token, for which audience, via which client.
    public static RouteHandlerBuilder MapWhoAmI(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/whoami", (HttpContext request) => TypedResults.Ok(WhoAmIResponse.From(request)))
            .RequireAuthorization()
            .WithName("WhoAmI");
}
