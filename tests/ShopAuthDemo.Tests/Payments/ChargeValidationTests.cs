using System.Net;
using System.Text;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Payments;

public sealed class ChargeValidationTests(PaymentsApiHost payments) : IClassFixture<PaymentsApiHost>
{
    private const string OrderId = "3f2b8c1e-7d4a-4e6b-9c0d-2a1b3c4d5e6f";

    [Theory]
    [InlineData($$"""{ "orderId": "{{OrderId}}", "amount": 0 }""", "amount")]
    [InlineData($$"""{ "orderId": "{{OrderId}}", "amount": -5 }""", "amount")]
    [InlineData($$"""{ "orderId": "{{OrderId}}", "amount": 1000000 }""", "amount")]
    [InlineData($$"""{ "orderId": "{{OrderId}}", "amount": 12.345 }""", "amount")]
    [InlineData($$"""{ "orderId": "{{OrderId}}" }""", "amount")]
    [InlineData("""{ "orderId": "00000000-0000-0000-0000-000000000000", "amount": 5 }""", "orderId")]
    [InlineData("""{ "amount": 5 }""", "orderId")]
    public async Task Invalid_charge_is_400_validation_problem_naming_the_field(string body, string field)
    {
        var response = await PostRawAsync(body);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.Errors.ContainsKey(field));
    }

    [Theory]
    [InlineData("""{ "orderId": """)]
    [InlineData("""{ "orderId": "not-a-guid", "amount": 5 }""")]
    [InlineData($$"""{ "orderId": "{{OrderId}}", "amount": "lots" }""")]
    [InlineData($$"""{ "orderId": "{{OrderId}}", "amount": 1e40 }""")]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("")]
    public async Task Malformed_json_body_is_400_problem_details_not_500(string body)
    {
        var response = await PostRawAsync(body);

        await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
    }

    private Task<HttpResponseMessage> PostRawAsync(string json) =>
        payments.As(PaymentCallers.Alice).PostAsync(
            "/api/payments", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
}
