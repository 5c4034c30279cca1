using System.Net.Http.Json;
using ShopAuthDemo.Web.Authentication.Problems;
using ShopAuthDemo.Web.Authentication.StepUp;

namespace ShopAuthDemo.Shop.Web.Apis;

/// <summary>orders-api, called as the signed-in customer (UserAccessTokenHandler adds her token).</summary>
public sealed class OrdersClient(HttpClient http)
{
    public const string Name = "the order service";

    /// <exception cref="StepUpRequiredException">
    /// orders-api's access rules want a more recent sign-in for this order: it answered 401 with an RFC 9470
    /// challenge (<c>WWW-Authenticate: Bearer error="insufficient_user_authentication", max_age=…</c>), which
    /// <see cref="StepUpChallenge"/> reads.
    /// </exception>
    /// <exception cref="ApiCallFailedException">Refused by an access rule (403, with the rule), or any other error.</exception>
    public async Task<Order> PlaceOrderAsync(PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/orders", request, cancellationToken);
        return await response.ReadOrThrowAsync<Order>(Name, cancellationToken);
    }

    public async Task<IReadOnlyList<Order>> GetMyOrdersAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/api/orders", cancellationToken);
        return await response.ReadOrThrowAsync<List<Order>>(Name, cancellationToken);
    }

    public async Task<IdentityChain> GetIdentityChainAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/whoami", cancellationToken);
        return await response.ReadOrThrowAsync<IdentityChain>(Name, cancellationToken);
    }

    /// <summary>The last access decisions orders-api made about the signed-in customer, newest first.</summary>
    public async Task<IReadOnlyList<AccessDecisionAboutMe>> GetMyAccessDecisionsAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/api/access-decisions/mine", cancellationToken);
        return await response.ReadOrThrowAsync<List<AccessDecisionAboutMe>>(Name, cancellationToken);
    }
}
