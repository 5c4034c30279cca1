using ShopAuthDemo.Identity.Local.Login;
using Xunit;

namespace ShopAuthDemo.Tests.IdentityLocal;

/// <summary>The lockout bookkeeping of names that match no user stays bounded, whatever an attacker types.</summary>
public sealed class UnknownLoginNamesTests
{
    [Fact]
    public void A_flood_of_distinct_unknown_names_keeps_at_most_the_capacity_and_forgets_the_oldest()
    {
        var names = new UnknownLoginNames(capacity: 100);

        for (var i = 0; i < 10_000; i++) names.Track("random-name-" + i);

        Assert.Equal(100, names.Count);
        Assert.NotNull(names.Find("random-name-9999"));
        Assert.Null(names.Find("random-name-0"));
    }

    [Fact]
    public void Spellings_of_one_name_are_one_entry()
    {
        var names = new UnknownLoginNames();

        var failures = names.Track("Mallory");

        Assert.Same(failures, names.Find("  mALLORY "));
        Assert.Equal(1, names.Count);
    }
}
