using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using ShopAuthDemo.Catalog.Api.Apis;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Catalog;

public sealed class CatalogSchemaTests
{
    [Fact]
    public async Task Catalog_database_from_before_categories_is_rebuilt_with_them()
    {
        await using var catalog = new CatalogApiHost();
        // The shape version 1 created: no Category column, no schema version stamp.
        await using (var old = new SqliteConnection(catalog.Database.ConnectionString))
        {
            await old.OpenAsync(TestContext.Current.CancellationToken);
            await using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE Products (Id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, Name TEXT NOT NULL, Description TEXT NOT NULL, Price INTEGER NOT NULL);
                INSERT INTO Products (Name, Description, Price) VALUES ('Hand grinder', 'Conical steel burrs.', 5950);
                """;
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var products = await catalog.Anonymous().GetFromJsonAsync<List<ProductResponse>>("/api/products", TestContext.Current.CancellationToken);

        Assert.Equal(6, products!.Count);
        Assert.Equal("Grinders", products.Single(p => p.Name == "Hand grinder").Category);
    }
}
