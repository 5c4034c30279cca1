using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.ServiceDefaults.Authentication;
using ShopAuthDemo.Tests.Authentication.Support;
using ShopAuthDemo.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ShopAuthDemo.Web.Authentication.Configuration;
using Xunit;

namespace ShopAuthDemo.Tests.Authentication;

/// <summary>
/// The web apps' signed-in user, built as the OpenID Connect handler builds it: the ID token validated with
/// the apps' own options (AddWebAuthentication), the handler's claim actions (userinfo included), the session
/// ticket's round trip, then the apps' claims transformation. Only realm_access.roles may make someone staff or admin.
/// </summary>
public sealed class WebAppRoleClaimTests : IDisposable
{
    private const string ClientId = "backoffice-web";
    private readonly TestTokenIssuer _issuer = new();
    private readonly IHost _webApp;
    private readonly OpenIdConnectOptions _oidc;

    public WebAppRoleClaimTests()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Identity:Authority"] = TestTokenIssuer.Authority,
            ["Identity:ClientId"] = ClientId,
            ["Identity:ClientSecret"] = "not-a-secret",
        });
        builder.AddWebAuthentication(new WebAppSignIn("test", []));
        _webApp = builder.Build();
        _oidc = _webApp.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
    }

    [Theory]
    [InlineData("""{ "role": "admin" }""")]
    [InlineData("""{ "role": ["admin", "staff"] }""")]
    [InlineData("""{ "shopauthdemo/realm-role": "admin" }""")]
    public async Task A_top_level_role_claim_in_the_id_token_is_not_a_role(string extraClaims)
    {
        var user = await SignedInUserAsync(IdToken(TestToken.Customer, extraClaims));

        Assert.False(user.IsInRole("admin"));
        Assert.False(user.IsInRole("staff"));
        Assert.Equal(["customer"], user.GetRoles());
    }

    [Fact]
    public async Task A_role_claim_from_userinfo_is_not_a_role()
    {
        var user = await SignedInUserAsync(IdToken(TestToken.Customer, "{}"), userInfo: """{ "role": "admin", "roles": ["admin"] }""");

        Assert.False(user.IsInRole("admin"));
    }

    [Fact]
    public async Task Realm_roles_in_the_id_token_are_roles()
    {
        var user = await SignedInUserAsync(IdToken(TestToken.Admin, "{}"));

        Assert.True(user.IsInRole("admin"));
        Assert.True(user.IsInRole("staff"));
    }

    private string IdToken(TestToken token, string extraClaims) => _issuer.CreateToken(
        token with { Audiences = [ClientId], AuthorizedParty = ClientId },
        JsonNode.Parse(extraClaims)!.AsObject().ToDictionary(claim => claim.Key, claim => claim.Value!));

    private async Task<ClaimsPrincipal> SignedInUserAsync(string idToken, string userInfo = "{}")
    {
        var parameters = _oidc.TokenValidationParameters.Clone();
        parameters.ValidIssuer = TestTokenIssuer.Authority;
        parameters.ValidAudience = ClientId;
        parameters.IssuerSigningKey = _issuer.SigningKey;
        var validated = await _oidc.TokenHandler.ValidateTokenAsync(idToken, parameters);
        Assert.True(validated.IsValid, validated.Exception?.Message);

        // What the handler does with the userinfo response (an empty one when it does not call userinfo).
        var identity = validated.ClaimsIdentity;
        using (var json = JsonDocument.Parse(userInfo))
        {
            foreach (var action in _oidc.ClaimActions) action.Run(json.RootElement, identity, TestTokenIssuer.Authority);
        }

        // The session ticket as the server-side store keeps it, read back on the next request.
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), "Cookies");
        var stored = TicketSerializer.Default.Deserialize(TicketSerializer.Default.Serialize(ticket))!;

        // Twice, as it can run twice in one request.
        var transformation = _webApp.Services.GetRequiredService<IClaimsTransformation>();
        return await transformation.TransformAsync(await transformation.TransformAsync(stored.Principal));
    }

    public void Dispose()
    {
        _webApp.Dispose();
        _issuer.Dispose();
    }
}
