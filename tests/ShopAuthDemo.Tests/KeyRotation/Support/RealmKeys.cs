using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using Xunit;

namespace ShopAuthDemo.Tests.KeyRotation.Support;

/// <summary>The realm's signing keys as a client sees them: the JWKS, and the admin call that rotates them.</summary>
public static class RealmKeys
{
    public const string RotatePath = "/admin/realms/shop/keys/rotate";
    public const string CertsPath = "/realms/shop/protocol/openid-connect/certs";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> RotateAsync(HttpClient client, AuthenticationHeaderValue? authorization, bool requestedBy = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, RotatePath);
        request.Headers.Authorization = authorization;
        if (requestedBy) request.Headers.Add("X-Requested-By", "test");
        return client.SendAsync(request, Ct);
    }

    /// <summary>Rotates as the admin and returns the kid new tokens will carry.</summary>
    public static async Task<string> RotateAsync(LocalIdentityProviderFactory idp)
    {
        var response = await RotateAsync(idp.CreateClient(), Basic("admin", LocalIdentityProviderFactory.AdminPassword));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        return body.GetProperty("kid").GetString()!;
    }

    public static async Task<JsonWebKeySet> JwksAsync(LocalIdentityProviderFactory idp) =>
        new(await idp.CreateClient().GetStringAsync(CertsPath, Ct));

    public static async Task<IReadOnlyList<string>> PublishedKidsAsync(LocalIdentityProviderFactory idp) =>
        [.. (await JwksAsync(idp)).Keys.Select(key => key.Kid).Order()];

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
