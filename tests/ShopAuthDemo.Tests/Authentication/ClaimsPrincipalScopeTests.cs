using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShopAuthDemo.ServiceDefaults.Authentication;
using Xunit;

namespace ShopAuthDemo.Tests.Authentication;

public sealed class ClaimsPrincipalScopeTests
{
    [Fact]
    public void Space_separated_scope_claim_is_read_as_a_set()
    {
        var user = User(new Claim(JwtClaimTypes.Scope, "openid  profile catalog"));

        Assert.Equal(["catalog", "openid", "profile"], user.GetScopes().Order());
        Assert.True(user.HasScope("catalog"));
        Assert.False(user.HasScope("cat"));
    }

    [Fact]
    public async Task Scope_policy_matches_one_scope_not_the_whole_claim()
    {
        await using var services = new ServiceCollection().AddLogging().AddAuthorization().BuildServiceProvider();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var policy = new AuthorizationPolicyBuilder().RequireScope("orders").Build();

        var withOrders = await authorization.AuthorizeAsync(User(new Claim(JwtClaimTypes.Scope, "openid orders")), policy);
        var withoutOrders = await authorization.AuthorizeAsync(User(new Claim(JwtClaimTypes.Scope, "openid orders-admin")), policy);

        Assert.True(withOrders.Succeeded);
        Assert.False(withoutOrders.Succeeded);
    }

    private static ClaimsPrincipal User(params Claim[] claims) => new(new ClaimsIdentity(claims, "Bearer"));
}
