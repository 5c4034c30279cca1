using ShopAuthDemo.Web.Authentication.Endpoints;
using Xunit;

namespace ShopAuthDemo.Tests.Web;

public sealed class LocalReturnUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/orders")]
    [InlineData("/cart?step=2")]
    [InlineData("/identity#chain")]
    [InlineData("/search?q=a%20b")]
    public void A_path_on_this_site_is_kept(string returnUrl) =>
        Assert.Equal(returnUrl, LocalReturnUrl.OrFallback(returnUrl));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("http://evil.example/orders")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("/orders\\..\\\\evil.example")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("https%3A%2F%2Fevil.example")]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("/%2F%2Fevil.example")]
    [InlineData("/%2Fevil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("/%252F%252Fevil.example")]
    [InlineData("/\t/evil.example")]
    [InlineData("/%09/evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    public void Anything_that_could_leave_the_site_falls_back_to_the_home_page(string? returnUrl) =>
        Assert.Equal(LocalReturnUrl.Fallback, LocalReturnUrl.OrFallback(returnUrl));
}
