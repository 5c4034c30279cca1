using ShopAuthDemo.Web.Authentication.StepUp;
using Xunit;

namespace ShopAuthDemo.Tests.Web;

/// <summary>The WWW-Authenticate grammar the step-up reading rests on: schemes, parameters, token68, lists.</summary>
public sealed class AuthenticationChallengesTests
{
    [Fact]
    public void Several_challenges_in_one_value_keep_their_own_parameters()
    {
        var challenges = AuthenticationChallenges.Parse("""Newauth realm="apps", type=1, title="Login to \"apps\"", Basic realm="simple" """);

        Assert.Equal(["Newauth", "Basic"], challenges.Select(c => c.Scheme));
        Assert.Equal("apps", challenges[0].Parameters["realm"]);
        Assert.Equal("1", challenges[0].Parameters["type"]);
        Assert.Equal("Login to \"apps\"", challenges[0].Parameters["title"]);
        Assert.Equal("simple", challenges[1].Parameters["realm"]);
    }

    [Fact]
    public void A_token68_is_told_apart_from_parameters()
    {
        var challenges = AuthenticationChallenges.Parse("Negotiate a87421000492aa874209af8bc028==, Basic dXNlcjpwYXNz, Bearer");

        Assert.Equal(["Negotiate", "Basic", "Bearer"], challenges.Select(c => c.Scheme));
        Assert.Equal("a87421000492aa874209af8bc028==", challenges[0].Token68);
        Assert.Equal("dXNlcjpwYXNz", challenges[1].Token68);
        Assert.Empty(challenges[2].Parameters);
        Assert.Null(challenges[2].Token68);
    }

    [Fact]
    public void The_first_of_two_parameters_with_one_name_counts()
    {
        var challenge = Assert.Single(AuthenticationChallenges.Parse("Bearer error=first, ERROR=second"));

        Assert.Equal("first", challenge.Parameters["error"]);
    }

    [Theory]
    [InlineData("Bearer realm=\"open")]
    [InlineData("Bearer realm=shop garbage")]
    public void A_malformed_challenge_is_dropped(string header) =>
        Assert.Empty(AuthenticationChallenges.Parse(header));

    [Fact]
    public void Challenges_before_a_malformed_one_are_kept()
    {
        var challenges = AuthenticationChallenges.Parse("Basic realm=shop, Bearer error=\"open");

        Assert.Equal(["Basic"], challenges.Select(c => c.Scheme));
    }
}
