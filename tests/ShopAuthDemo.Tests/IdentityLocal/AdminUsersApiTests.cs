using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;
using static ShopAuthDemo.Tests.IdentityLocal.Support.TokenRequests;

namespace ShopAuthDemo.Tests.IdentityLocal;

/// <summary>
/// The admin REST calls policy-api makes with its service account (Keycloak's paths and shapes): only a token of
/// this realm holding realm-management/view-users may read users; service accounts are never listed.
/// </summary>
public sealed class AdminUsersApiTests(LocalIdentityProviderFactory idp) : IClassFixture<LocalIdentityProviderFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Users = "/admin/realms/shop/users";
    private const string AliceId = "4c5a7e2e-5a3b-4b0e-9a51-1f2f6b9f0a01";
    private const string CarolId = "4c5a7e2e-5a3b-4b0e-9a51-1f2f6b9f0a03";

    private async Task<string> ServiceAccountTokenAsync(string clientId, string secret) =>
        (await AccessTokenAsync(await ClientCredentialsAsync(idp.CreateClient(), clientId, LocalIdentityProviderFactory.Secrets[secret]))).EncodedToken;

    private Task<string> PolicyApiTokenAsync() => ServiceAccountTokenAsync("policy-api", "POLICY_API_CLIENT_SECRET");

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await idp.CreateClient().SendAsync(request, Ct);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await GetAsync(path, await PolicyApiTokenAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    [Fact]
    public async Task Without_a_token_the_admin_api_is_401_problem()
    {
        var response = await GetAsync(Users, token: null);

        await response.AssertProblemDetailsAsync(HttpStatusCode.Unauthorized);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_token_without_view_users_is_403_problem()
    {
        // orders-api's token, in a realm that also names the admin API in it (scope user-directory): the
        // audience fits, the role is missing.
        await using var variant = new LocalIdentityProviderFactory("http://127.0.0.1:9", RealmFiles.WriteVariant(realm =>
            realm["clients"]!.AsArray().Single(c => (string?)c!["clientId"] == "orders-api")!["defaultClientScopes"]!
                .AsArray().Add("user-directory")));
        var access = await AccessTokenAsync(await ClientCredentialsAsync(variant.CreateClient(), "orders-api",
            LocalIdentityProviderFactory.Secrets["ORDERS_API_CLIENT_SECRET"]));
        var client = variant.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access.EncodedToken);

        var response = await client.GetAsync(Users, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.Forbidden);
        Assert.Contains("view-users", problem.Detail);
    }

    [Fact]
    public async Task A_view_users_token_not_minted_for_the_admin_api_is_401()
    {
        // The same service account with its role, but without the user-directory scope that names the admin API
        // (audience realm-management) in its tokens: a token minted for something else does not open it.
        await using var variant = new LocalIdentityProviderFactory("http://127.0.0.1:9", RealmFiles.WriteVariant(realm =>
            realm["clients"]!.AsArray().Single(c => (string?)c!["clientId"] == "policy-api")!["defaultClientScopes"] =
                new System.Text.Json.Nodes.JsonArray("basic", "profile", "roles", "acr")));
        var access = await AccessTokenAsync(await ClientCredentialsAsync(variant.CreateClient(), "policy-api",
            LocalIdentityProviderFactory.Secrets["POLICY_API_CLIENT_SECRET"]));
        Assert.Contains("view-users", access.GetPayloadValue<JsonElement>("resource_access").GetRawText());
        var client = variant.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access.EncodedToken);

        var response = await client.GetAsync(Users, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_401()
    {
        var genuine = new JsonWebToken(await PolicyApiTokenAsync());
        var forged = ForgedWithOwnKey(genuine);

        var response = await GetAsync(Users, forged);

        await response.AssertProblemDetailsAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_id_token_is_not_an_admin_token()
    {
        var tokens = await RealmClients.SignInAsync(idp, "backoffice-web", "carol", LocalIdentityProviderFactory.Secrets["DEV_USER_PASSWORD"]);

        var response = await GetAsync(Users, tokens.GetProperty("id_token").GetString());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Finds_alice_by_exact_username_with_her_country()
    {
        var users = await GetJsonAsync($"{Users}?username=alice&exact=true&briefRepresentation=false");

        var alice = Assert.Single(users.EnumerateArray());
        Assert.Equal(AliceId, alice.GetProperty("id").GetString());
        Assert.Equal("alice", alice.GetProperty("username").GetString());
        Assert.True(alice.GetProperty("enabled").GetBoolean());
        Assert.Equal(["DE"], alice.GetProperty("attributes").GetProperty("country").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Exact_username_does_not_match_a_part_of_a_name()
    {
        var users = await GetJsonAsync($"{Users}?username=ali&exact=true");

        Assert.Equal(0, users.GetArrayLength());
    }

    [Fact]
    public async Task The_list_has_the_people_and_no_service_account()
    {
        var users = await GetJsonAsync($"{Users}?max=100&briefRepresentation=true");

        Assert.Equal(["alice", "bob", "carol"], users.EnumerateArray().Select(u => u.GetProperty("username").GetString()));
        Assert.All(users.EnumerateArray(), u => Assert.False(u.TryGetProperty("attributes", out _), "brief representation"));
    }

    [Fact]
    public async Task A_service_account_is_not_found_by_username_either()
    {
        var users = await GetJsonAsync($"{Users}?username=service-account-policy-api&exact=true");

        Assert.Equal(0, users.GetArrayLength());
    }

    [Fact]
    public async Task Carols_groups_are_her_pricing_leads_group()
    {
        var groups = await GetJsonAsync($"{Users}/{CarolId}/groups");

        var group = Assert.Single(groups.EnumerateArray());
        Assert.Equal("pricing-leads", group.GetProperty("name").GetString());
        Assert.Equal("/pricing-leads", group.GetProperty("path").GetString());
        Assert.False(string.IsNullOrEmpty(group.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Carols_effective_realm_roles_are_admin_and_staff()
    {
        var roles = await GetJsonAsync($"{Users}/{CarolId}/role-mappings/realm/composite");

        Assert.Equal(["admin", "staff"], roles.EnumerateArray().Select(r => r.GetProperty("name").GetString()).Order());
        Assert.All(roles.EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("id").GetString())));
    }

    [Fact]
    public async Task An_unknown_user_id_is_404_problem()
    {
        var response = await GetAsync($"{Users}/00000000-0000-0000-0000-000000000000/groups", await PolicyApiTokenAsync());

        await response.AssertProblemDetailsAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_max_that_is_not_a_number_is_400_with_the_field()
    {
        var response = await GetAsync($"{Users}?max=lots", await PolicyApiTokenAsync());

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.BadRequest);
        Assert.Contains("max", problem.Errors.Keys);
    }

    // The same header and claims, signed with a key the realm never had.
    private static string ForgedWithOwnKey(JsonWebToken genuine)
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var key = new Microsoft.IdentityModel.Tokens.RsaSecurityKey(rsa) { KeyId = genuine.Kid };
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(genuine.EncodedPayload));
        return new JsonWebTokenHandler().CreateToken(payload,
            new Microsoft.IdentityModel.Tokens.SigningCredentials(key, Microsoft.IdentityModel.Tokens.SecurityAlgorithms.RsaSha256));
    }
}
