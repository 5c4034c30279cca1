using System.Net;
using Microsoft.AspNetCore.Http;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Orders.Api.Downstream;

/// <summary>catalog-api as orders-api sees it. Every call carries orders-api's own token (client credentials).</summary>
public sealed class CatalogClient(HttpClient http)
{
    /// <summary>Today's prices for the items, or the catalog's reasons for refusing them (e.g. an unknown product).</summary>
    public async Task<(PriceQuote? Quote, IDictionary<string, string[]>? Errors)> QuoteAsync(
        IReadOnlyList<QuoteItem> items, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("/api/internal/price-quotes", new PriceQuoteRequest(items), cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(cancellationToken);
            return (null, problem?.Errors ?? new Dictionary<string, string[]> { ["items"] = ["The catalog refused these items."] });
        }

        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PriceQuote>(cancellationToken), null);
    }

    public Task<WhoAmIResponse?> WhoAmIAsync(CancellationToken cancellationToken) =>
        http.GetFromJsonAsync<WhoAmIResponse>("/whoami", cancellationToken);
}
