using System.Net;
using ShopAuthDemo.Tests.PolicyAdministrationPoint.Support;
using Xunit;

namespace ShopAuthDemo.Tests.PolicyAdministrationPoint;

public sealed class PolicyApiHealthTests(PolicyApiHost policy) : IClassFixture<PolicyApiHost>
{
    [Fact]
    public async Task Healthy_while_the_rules_database_answers()
    {
        using var response = await policy.Anonymous().GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
