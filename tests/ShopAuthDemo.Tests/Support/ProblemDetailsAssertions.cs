using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace ShopAuthDemo.Tests.Support;

public static class ProblemDetailsAssertions
{
    // Asserts an RFC 9457 body with the expected status and no exception details leaking out.
    public static async Task<HttpValidationProblemDetails> AssertProblemDetailsAsync(
        this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);

        var problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(TestContext.Current.CancellationToken);
        Assert.NotNull(problem);
        Assert.Equal((int)expected, problem.Status);
        return problem;
    }
}
