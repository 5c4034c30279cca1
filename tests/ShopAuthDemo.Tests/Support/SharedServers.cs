using Xunit;

namespace ShopAuthDemo.Tests.Support;

// PostgreSQL and Redis on loopback, started by `bash .ci/shared-servers start` (CI runs it and sets both variables).
// A test that needs one is skipped, saying why, when its variable is not set; in CI (SHOPAUTHDEMO_REQUIRE_SHARED_SERVERS=1)
// it fails instead, so that a server that did not start cannot turn these tests into silent skips.
public static class SharedServers
{
    public const string PostgreSqlVariable = "SHOPAUTHDEMO_POSTGRES";
    public const string RedisVariable = "SHOPAUTHDEMO_REDIS";

    /// <summary>An Npgsql keyword string without a database; the role may create and drop databases.</summary>
    public static string PostgreSql => Require(PostgreSqlVariable, "PostgreSQL");

    /// <summary>A StackExchange.Redis configuration string; give each test a key prefix of its own.</summary>
    public static string Redis => Require(RedisVariable, "Redis");

    private static string Require(string variable, string server)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        var missing = $"No {server} server: set {variable} (bash .ci/shared-servers start)";
        if (Environment.GetEnvironmentVariable("SHOPAUTHDEMO_REQUIRE_SHARED_SERVERS") == "1")
            Assert.False(string.IsNullOrWhiteSpace(value), missing);
        Assert.SkipWhen(string.IsNullOrWhiteSpace(value), missing);
        return value!;
    }
}
