using ShopAuthDemo.Web.Authentication.Problems;

namespace ShopAuthDemo.Backoffice.Web.Apis;

/// <summary>orders-api's staff view: every customer's orders (role staff, checked by orders-api).</summary>
public sealed class StaffOrdersClient(HttpClient http)
{
    public const string Name = "the order service";

    public async Task<IReadOnlyList<StaffOrder>> GetAllOrdersAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/api/staff/orders", cancellationToken);
        return await response.ReadOrThrowAsync<List<StaffOrder>>(Name, cancellationToken);
    }
}
