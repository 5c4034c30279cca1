using Microsoft.Extensions.Configuration;
using ShopAuthDemo.AppHost.Storage;

namespace ShopAuthDemo.EndToEnd.AppHostModel;

/// <summary>Where a run keeps its data: embedded, PostgreSQL and Redis containers, or servers given by connection strings.</summary>
public sealed class StorageChoiceTests
{
    private const string Postgres = "Host=127.0.0.1;Port=5432;Username=shop;Password=not-a-secret";
    private const string Redis = "127.0.0.1:6379";

    private static IConfiguration With(string? mode, string? postgres = null, string? redis = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageChoice.ConfigurationKey] = mode,
            ["ConnectionStrings:postgres"] = postgres,
            ["ConnectionStrings:redis"] = redis,
        }).Build();

    [Theory]
    [InlineData(null)]
    [InlineData("auto")]
    [InlineData("servers")]
    public void Connection_strings_to_both_servers_choose_them(string? mode)
    {
        var choice = StorageChoice.FromConfiguration(With(mode, Postgres, Redis));

        Assert.Equal(StorageKind.Servers, choice.Kind);
        Assert.True(choice.IsShared);
    }

    [Fact]
    public void Servers_without_both_connection_strings_stop_with_what_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageChoice.FromConfiguration(With("servers", Postgres)));

        Assert.Contains("ConnectionStrings:redis", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_is_chosen_when_asked_even_with_servers_configured() =>
        Assert.Equal(StorageKind.Embedded, StorageChoice.FromConfiguration(With("embedded", Postgres, Redis)).Kind);

    [Theory]
    [InlineData(null)]
    [InlineData("containers")]
    public void Publishing_always_chooses_postgres_and_redis_services(string? mode)
    {
        var choice = StorageChoice.FromConfiguration(With(mode), publishing: true);

        Assert.Equal(StorageKind.Containers, choice.Kind);
        Assert.Contains("published", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Publishing_embedded_storage_stops_with_what_to_do() =>
        Assert.Contains("Publish with containers",
            Assert.Throws<InvalidOperationException>(() => StorageChoice.FromConfiguration(With("embedded"), publishing: true)).Message,
            StringComparison.Ordinal);

    [Fact]
    public void An_unknown_mode_names_the_allowed_ones() =>
        Assert.Contains("embedded, containers, servers, auto",
            Assert.Throws<InvalidOperationException>(() => StorageChoice.FromConfiguration(With("sqlite"))).Message,
            StringComparison.Ordinal);
}
