using System.Net;
using ShopAuthDemo.Web.Authentication.StepUp;
using Xunit;

namespace ShopAuthDemo.Tests.Web;

/// <summary>
/// RFC 9470's challenge read from WWW-Authenticate by its grammar (RFC 9110): quoted or not, among other
/// schemes, with commas and look-alike parameters inside quoted strings, and nothing taken from another scheme.
/// </summary>
public sealed class StepUpChallengeTests
{
    [Theory]
    [InlineData("""Bearer error="insufficient_user_authentication", error_description="A more recent sign-in is needed", max_age=300""")]
    [InlineData("""Bearer error="insufficient_user_authentication", max_age="300" """)]
    [InlineData("""bearer ERROR_DESCRIPTION="x",Error=insufficient_user_authentication,MAX_AGE=300""")]
    [InlineData("""Bearer   error = "insufficient_user_authentication" ,  max_age = 300""")]
    [InlineData("""Basic realm="shop", Bearer error="insufficient_user_authentication", max_age=300""")]
    [InlineData("""Negotiate YIIabc/+==, Bearer realm="orders-api", error="insufficient_user_authentication", max_age=300, DPoP algs="ES256" """)]
    [InlineData("""Bearer error="insufficient_user_authentication", error_description="max_age=5, error=\"invalid_token\"", max_age=300""")]
    public void The_step_up_challenge_and_its_max_age_are_read(string header)
    {
        var challenge = StepUpChallenge.Find([header]);

        Assert.NotNull(challenge);
        Assert.Equal(300, challenge.MaxAgeSeconds);
    }

    [Fact]
    public void Quoted_strings_are_unescaped_in_the_description()
    {
        var challenge = StepUpChallenge.Find(["""Bearer error="insufficient_user_authentication", error_description="Orders above 100 need a \"recent\" sign-in, within 5 minutes", max_age=300"""]);

        Assert.Equal("Orders above 100 need a \"recent\" sign-in, within 5 minutes", challenge?.Description);
    }

    [Fact]
    public void Separate_header_lines_are_read_one_by_one()
    {
        var challenge = StepUpChallenge.Find(["""Basic realm="shop" """, """Bearer error="insufficient_user_authentication", max_age=60"""]);

        Assert.Equal(60, challenge?.MaxAgeSeconds);
    }

    [Theory]
    [InlineData("""Bearer error="insufficient_user_authentication" """)]
    [InlineData("""Bearer error="insufficient_user_authentication", max_age=""")]
    [InlineData("""Bearer error="insufficient_user_authentication", max_age=-5""")]
    [InlineData("""Bearer error="insufficient_user_authentication", max_age="5 minutes" """)]
    [InlineData("""Bearer error="insufficient_user_authentication", max_age=99999999999""")]
    // max_age belongs to the next challenge here, not to ours.
    [InlineData("""Bearer error="insufficient_user_authentication", DPoP max_age=300""")]
    [InlineData("""Bearer error="insufficient_user_authentication", Basic, max_age=300""")]
    public void A_step_up_challenge_without_a_readable_max_age_is_still_a_step_up(string header)
    {
        var challenge = StepUpChallenge.Find([header]);

        Assert.NotNull(challenge);
        Assert.Null(challenge.MaxAgeSeconds);
        // No age named: the shop asks for a sign-in now.
        Assert.Equal(0, StepUpSignIn.MaxAgeFor(challenge));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("""Bearer error="invalid_token", error_description="The token expired" """)]
    [InlineData("""Bearer error="invalid_token", error_description="error=insufficient_user_authentication, max_age=300" """)]
    // The error of another scheme is not ours to answer.
    [InlineData("""DPoP error="insufficient_user_authentication", max_age=300""")]
    [InlineData("""Basic realm="error=insufficient_user_authentication", Bearer realm="orders-api" """)]
    // RFC 6750 error codes are case-sensitive.
    [InlineData("""Bearer error="Insufficient_User_Authentication", max_age=300""")]
    // A quote left open: nothing after it can be trusted.
    [InlineData("""Bearer error="insufficient_user_authentication, max_age=300""")]
    public void Other_challenges_are_not_a_step_up(string header) =>
        Assert.Null(StepUpChallenge.Find([header]));

    [Fact]
    public void Only_a_401_response_carries_a_step_up()
    {
        using var forbidden = Response(HttpStatusCode.Forbidden);
        using var unauthorized = Response(HttpStatusCode.Unauthorized);

        Assert.Null(StepUpChallenge.Find(forbidden));
        Assert.Equal(300, StepUpChallenge.Find(unauthorized)?.MaxAgeSeconds);
    }

    [Fact]
    public void The_shop_asks_for_a_sign_in_a_little_younger_than_the_api_allows()
    {
        Assert.Equal(270, StepUpSignIn.MaxAgeFor(new StepUpChallenge(300, null)));
        Assert.Equal(0, StepUpSignIn.MaxAgeFor(new StepUpChallenge(10, null)));
        Assert.Equal("authentication/login?returnUrl=%2Fcart%3FafterSignIn%3Dabc&maxAge=270",
            StepUpSignIn.Href("/cart?afterSignIn=abc", 270));
    }

    private static HttpResponseMessage Response(HttpStatusCode status)
    {
        var response = new HttpResponseMessage(status);
        response.Headers.TryAddWithoutValidation("WWW-Authenticate",
            """Bearer error="insufficient_user_authentication", error_description="Sign in again", max_age=300""");
        return response;
    }
}
