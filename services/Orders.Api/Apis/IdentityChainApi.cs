using System.Security.Claims;
using ShopAuthDemo.Orders.Api.Downstream;
using ShopAuthDemo.ServiceDefaults.Authentication;
using ShopAuthDemo.ServiceDefaults.TokenManagement;

namespace ShopAuthDemo.Orders.Api.Apis;

/// <summary>
/// GET /whoami: what orders-api saw, and what catalog-api and payments-api saw when orders-api called
/// them — the identity chain of one order in one response.
/// </summary>
public static class IdentityChainApi
{
    public static IEndpointRouteBuilder MapIdentityChainApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/whoami", GetChain).RequireAuthorization().WithTags("Identity");
        return app;
    }

    public static async Task<IResult> GetChain(HttpContext request, CatalogClient catalog, PaymentsClient payments,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(new IdentityChainResponse(
            WhoAmIResponse.From(request),
            await AskAsync(() => catalog.WhoAmIAsync(cancellationToken)),
            await AskAsync(() => payments.WhoAmIAsync(cancellationToken))));

    // One hop failing (a partner's token cannot be exchanged, say) is shown, not a 500 for the whole chain.
    private static async Task<DownstreamView> AskAsync(Func<Task<WhoAmIResponse?>> whoAmI)
    {
        try
        {
            return new DownstreamView(await whoAmI(), null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TokenRequestException)
        {
            return new DownstreamView(null, exception.Message);
        }
    }
}

public sealed record IdentityChainResponse(WhoAmIResponse OrdersApi, DownstreamView CatalogApi, DownstreamView PaymentsApi);

/// <summary>What a downstream API saw, or why it could not be asked.</summary>
public sealed record DownstreamView(WhoAmIResponse? Saw, string? Error);
