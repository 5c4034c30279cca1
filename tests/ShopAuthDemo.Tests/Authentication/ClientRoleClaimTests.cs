using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using ShopAuthDemo.ServiceDefaults.Authentication;
using Xunit;

namespace ShopAuthDemo.Tests.Authentication;

// Unit tests of ServiceDefaults' client-role reading, which the price-quotes policy relies on.
public sealed class ClientRoleClaimTests
{
    [Fact]
    public void Client_roles_are_read_for_the_named_client_only()
    {
        var user = Principal(Json("""{"catalog-api":{"roles":["price-quotes"]},"account":{"roles":["manage-account"]}}"""));

        Assert.Equal(["price-quotes"], user.GetClientRoles("catalog-api"));
        Assert.True(user.HasClientRole("catalog-api", "price-quotes"));
        Assert.False(user.HasClientRole("account", "price-quotes"));
        Assert.False(user.HasClientRole("orders-api", "price-quotes"));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("""["price-quotes"]""")]
    [InlineData("""{"catalog-api":["price-quotes"]}""")]
    [InlineData("""{"catalog-api":{"roles":"price-quotes"}}""")]
    [InlineData("""{"catalog-api":{"roles":[1,null,{"name":"price-quotes"}," "]}}""")]
    [InlineData("""{"catalog-api":null}""")]
    public void Malformed_resource_access_yields_no_client_roles(string resourceAccess)
    {
        Assert.Empty(Principal(Json(resourceAccess)).GetClientRoles("catalog-api"));
    }

    [Fact]
    public void Resource_access_string_that_looks_like_json_grants_nothing()
    {
        var claim = new Claim(KeycloakClaimTypes.ResourceAccess, """{"catalog-api":{"roles":["price-quotes"]}}""", ClaimValueTypes.String);

        Assert.False(Principal(claim).HasClientRole("catalog-api", "price-quotes"));
    }

    [Fact]
    public void Unauthenticated_identity_grants_no_client_roles()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity([Json("""{"catalog-api":{"roles":["price-quotes"]}}""")]));

        Assert.False(anonymous.HasClientRole("catalog-api", "price-quotes"));
    }

    [Fact]
    public async Task Client_roles_never_become_realm_roles()
    {
        var user = await new KeycloakRoleClaimsTransformation().TransformAsync(
            Principal(Json("""{"some-client":{"roles":["admin"]}}""")));

        Assert.False(user.IsInRole("admin"));
        Assert.Empty(user.GetRoles());
    }

    [Fact]
    public async Task Client_role_policy_matches_role_and_client()
    {
        await using var services = new ServiceCollection().AddLogging().AddAuthorization().BuildServiceProvider();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var policy = new AuthorizationPolicyBuilder().RequireClientRole("catalog-api", "price-quotes").Build();

        var granted = await authorization.AuthorizeAsync(Principal(Json("""{"catalog-api":{"roles":["price-quotes"]}}""")), policy);
        var otherClient = await authorization.AuthorizeAsync(Principal(Json("""{"orders-api":{"roles":["price-quotes"]}}""")), policy);

        Assert.True(granted.Succeeded);
        Assert.False(otherClient.Succeeded);
    }

    private static Claim Json(string value) => new(KeycloakClaimTypes.ResourceAccess, value, JsonClaimValueTypes.Json);

    private static ClaimsPrincipal Principal(params Claim[] claims) =>
        new(new ClaimsIdentity(claims, "Bearer", JwtClaimTypes.PreferredUsername, KeycloakClaimTypes.Role));
}
