using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Catalog.Api.Infrastructure;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Catalog;

public sealed class UnexpectedErrorTests
{
    [Fact]
    public async Task Server_fault_is_500_problem_details_without_stack_trace()
    {
        await using var catalog = new CatalogApiHost();
        await using (var scope = catalog.Factory.Services.CreateAsyncScope())
        {
            // Break the database under the running service.
            await scope.ServiceProvider.GetRequiredService<CatalogContext>().Database
                .ExecuteSqlRawAsync("DROP TABLE Products", TestContext.Current.CancellationToken);
        }

        var response = await catalog.Anonymous().GetAsync("/api/products", TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.InternalServerError);
        Assert.Null(problem.Detail);
    }
}
