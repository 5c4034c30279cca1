using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using ShopAuthDemo.ServiceDefaults.Authentication;
using Xunit;

namespace ShopAuthDemo.Tests.Authentication;

// Unit tests of ServiceDefaults' role mapping, which Catalog.Api's admin policy relies on.
public sealed class KeycloakRoleClaimsTransformationTests
{
    private readonly KeycloakRoleClaimsTransformation transformation = new();

    [Fact]
    public async Task Realm_roles_become_role_claims()
    {
        var user = await transformation.TransformAsync(Principal(Json("""{"roles":["customer","admin"]}""")));

        Assert.True(user.IsInRole("customer"));
        Assert.True(user.IsInRole("admin"));
        Assert.Equal(["customer", "admin"], user.GetRoles());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"roles":"admin"}""")]
    [InlineData("""{"roles":null}""")]
    [InlineData("""{"rolez":["admin"]}""")]
    [InlineData("""["admin"]""")]
    [InlineData("""{"roles":[1,true,null,{"name":"admin"},["admin"]," "]}""")]
    [InlineData("")]
    public async Task Malformed_realm_access_yields_no_roles(string realmAccess)
    {
        var user = await transformation.TransformAsync(Principal(Json(realmAccess)));

        Assert.Empty(user.GetRoles());
    }

    [Fact]
    public async Task Missing_realm_access_yields_no_roles()
    {
        var user = await transformation.TransformAsync(Principal());

        Assert.Empty(user.GetRoles());
    }

    [Fact]
    public async Task Realm_access_string_that_looks_like_json_grants_nothing()
    {
        var claim = new Claim(KeycloakClaimTypes.RealmAccess, """{"roles":["admin"]}""", ClaimValueTypes.String);

        var user = await transformation.TransformAsync(Principal(claim));

        Assert.False(user.IsInRole("admin"));
    }

    [Fact]
    public async Task Running_twice_adds_each_role_once()
    {
        var once = await transformation.TransformAsync(Principal(Json("""{"roles":["admin","admin"]}""")));
        var twice = await transformation.TransformAsync(once);

        Assert.Single(twice.FindAll(KeycloakClaimTypes.Role));
    }

    [Fact]
    public async Task Role_claims_that_came_with_the_token_are_dropped()
    {
        var smuggled = new Claim(KeycloakClaimTypes.Role, "admin");

        var user = await transformation.TransformAsync(Principal(Json("""{"roles":["customer"]}"""), smuggled));

        Assert.False(user.IsInRole("admin"));
        Assert.Equal(["customer"], user.GetRoles());
    }

    [Fact]
    public async Task A_top_level_role_claim_is_not_a_role()
    {
        var user = await transformation.TransformAsync(Principal(Json("""{"roles":["customer"]}"""), new Claim("role", "admin")));

        Assert.False(user.IsInRole("admin"));
    }

    [Fact]
    public async Task Anonymous_principal_is_left_alone()
    {
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity([Json("""{"roles":["admin"]}""")]));

        var user = await transformation.TransformAsync(anonymous);

        Assert.False(user.IsInRole("admin"));
    }

    private static Claim Json(string value) => new(KeycloakClaimTypes.RealmAccess, value, JsonClaimValueTypes.Json);

    private static ClaimsPrincipal Principal(params Claim[] claims) =>
        new(new ClaimsIdentity(claims, "Bearer", JwtClaimTypes.PreferredUsername, KeycloakClaimTypes.Role));
}
