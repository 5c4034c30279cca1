using Microsoft.Extensions.Configuration;
using ShopAuthDemo.AppHost.Identity;

namespace ShopAuthDemo.EndToEnd.AppHostModel;

/// <summary>Which identity provider a run gets; publishing a deployment always gets Keycloak.</summary>
public sealed class IdentityProviderChoiceTests
{
    private static IConfiguration With(string? provider) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [IdentityProviderChoice.ConfigurationKey] = provider }).Build();

    [Theory]
    [InlineData(null)]
    [InlineData("auto")]
    [InlineData("keycloak")]
    public void Publishing_always_chooses_keycloak_and_says_why(string? provider)
    {
        var choice = IdentityProviderChoice.FromConfiguration(With(provider), publishing: true);

        Assert.Equal(IdentityProviderKind.Keycloak, choice.Kind);
        Assert.Contains("published", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Publishing_with_the_local_stand_in_stops_with_what_to_do()
    {
        var error = Assert.Throws<InvalidOperationException>(() => IdentityProviderChoice.FromConfiguration(With("local"), publishing: true));

        Assert.Contains("Publish with keycloak", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Running_with_local_chooses_the_stand_in() =>
        Assert.Equal(IdentityProviderKind.Local, IdentityProviderChoice.FromConfiguration(With("local")).Kind);
}
