using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Catalog;

public sealed class IdentityConfigurationTests
{
    [Theory]
    [InlineData("Identity:Authority")]
    [InlineData("Identity:Audience")]
    public void Missing_authority_configuration_fails_fast(string key)
    {
        using var tokens = new TestTokenIssuer();
        using var database = new TemporaryDatabase();
        using var factory = new CatalogApiFactory(tokens, database);
        factory.Settings.Remove(key);

        var error = Assert.ThrowsAny<InvalidOperationException>(() => factory.CreateClient());

        Assert.Equal($"Configuration missing value for: {key}", error.Message);
    }
}
