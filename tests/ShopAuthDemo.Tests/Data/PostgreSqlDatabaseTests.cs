using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using ShopAuthDemo.Catalog.Api.Infrastructure;
using ShopAuthDemo.Policy.Api.Infrastructure;
using ShopAuthDemo.Policy.Api.Rules;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;
using ShopAuthDemo.Tests.Data.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Data;

// Scale-out mode: each API on a PostgreSQL database that every replica shares. Needs SHOPAUTHDEMO_POSTGRES.
public sealed class PostgreSqlDatabaseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(ServiceDatabases.Names), MemberType = typeof(ServiceDatabases))]
    public async Task Migrations_create_every_table_on_a_fresh_database(string name)
    {
        var service = ServiceDatabases.Named(name);
        await using var database = await TemporaryPostgreSqlDatabase.CreateAsync();

        using var host = await service.StartAsync(database.ConnectionString);

        var tables = await service.TablesAsync(host);
        Assert.All(service.Tables.Append("__EFMigrationsHistory"), table => Assert.Contains(table, tables));
        Assert.True(await service.QueryAsync(host, context => Task.FromResult(context.Database.IsNpgsql())));
        Assert.Empty(await service.QueryAsync(host, context => context.Database.GetPendingMigrationsAsync(Ct)));
    }

    [Fact]
    public async Task Two_replicas_starting_at_once_on_a_fresh_database_store_one_seed()
    {
        await using var catalogDatabase = await TemporaryPostgreSqlDatabase.CreateAsync();
        await using var policyDatabase = await TemporaryPostgreSqlDatabase.CreateAsync();

        var replicas = await Task.WhenAll(
            Task.Run(() => ServiceDatabases.Catalog.StartAsync(catalogDatabase.ConnectionString), Ct),
            Task.Run(() => ServiceDatabases.Catalog.StartAsync(catalogDatabase.ConnectionString), Ct),
            Task.Run(() => ServiceDatabases.Policy.StartAsync(policyDatabase.ConnectionString), Ct),
            Task.Run(() => ServiceDatabases.Policy.StartAsync(policyDatabase.ConnectionString), Ct));

        try
        {
            Assert.Equal(CatalogSeed.Products().Count,
                await ServiceDatabases.Catalog.QueryAsync(replicas[0], c => ((CatalogContext)c).Products.CountAsync(Ct)));
            Assert.Equal(RuleSeed.Rules().Count,
                await ServiceDatabases.Policy.QueryAsync(replicas[2], c => ((PolicyContext)c).Rules.CountAsync(Ct)));
            Assert.Equal(1, await ServiceDatabases.Policy.QueryAsync(replicas[2], c => ((PolicyContext)c).Versions.CountAsync(Ct)));
        }
        finally
        {
            foreach (var replica in replicas)
            {
                replica.Dispose();
            }
        }
    }

    // Through RuleStore: its explicit transaction runs inside the execution strategy of Aspire's retrying client,
    // and the identity column was moved past the seed's own ids.
    [Fact]
    public async Task A_rule_created_after_the_seed_is_stored_with_the_next_id_and_a_new_version()
    {
        await using var database = await TemporaryPostgreSqlDatabase.CreateAsync();
        using var host = await ServiceDatabases.Policy.StartAsync(database.ConnectionString);

        var (created, version) = await ServiceDatabases.Policy.QueryAsync(host, async context =>
        {
            var store = new RuleStore((PolicyContext)context, TimeProvider.System, NullLogger<RuleStore>.Instance);
            var input = new AccessRuleInput("Kettles need a pricing lead", RuleKind.Group, Enabled: false,
                new RuleParameters { PercentAbove = 5m, Group = "pricing-leads" });
            var rule = await store.CreateAsync(input, new RuleAuthor("carol", "carol-sub"), Ct);
            return (rule, await store.ReadVersionAsync(Ct));
        });

        Assert.Equal(RuleSeed.Rules().Max(r => r.Id) + 1, created.Id);
        Assert.Equal(2, version);
    }
}
