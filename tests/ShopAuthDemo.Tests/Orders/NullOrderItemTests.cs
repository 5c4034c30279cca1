using System.Net;
using System.Text;
using ShopAuthDemo.Tests.Orders.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Orders;

// Found by MalformedInputFuzzTests: a null entry in "items" used to end in a 500.
public sealed class NullOrderItemTests
{
    [Fact]
    public async Task Null_order_item_is_a_400_problem_not_a_500()
    {
        await using var orders = new OrdersApiHost();
        using var body = new StringContent("""{ "items": [null] }""", Encoding.UTF8, "application/json");

        using var response = await orders.As(OrderTokens.Alice).PostAsync("/api/orders", body, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
        Assert.Contains("items", problem.Errors.Keys);
    }
}
