using ShopAuthDemo.Policy.Api.PolicyInformationPoint;
using Xunit;

namespace ShopAuthDemo.Tests.PolicyAdministrationPoint;

// Keycloak serves a realm's admin API beside its issuer: {base}/realms/shop → {base}/admin/realms/shop.
public sealed class UserDirectoryAddressTests
{
    [Theory]
    [InlineData("http://localhost:8080/realms/shop", "http://localhost:8080/admin/realms/shop/")]
    [InlineData("http://localhost:8080/realms/shop/", "http://localhost:8080/admin/realms/shop/")]
    [InlineData("https://id.example/auth/realms/shop", "https://id.example/auth/admin/realms/shop/")]
    [InlineData("http://identity.test/realms/other", "http://identity.test/admin/realms/other/")]
    public void The_admin_api_is_found_next_to_the_issuer(string authority, string expected) =>
        Assert.Equal(new Uri(expected), UserDirectory.AdminAddress(authority));

    [Fact]
    public void An_authority_without_a_realm_fails_at_start_up_with_the_reason()
    {
        var error = Assert.Throws<InvalidOperationException>(() => UserDirectory.AdminAddress("https://login.example.com/tenant"));

        Assert.Contains("/realms/", error.Message);
    }
}
