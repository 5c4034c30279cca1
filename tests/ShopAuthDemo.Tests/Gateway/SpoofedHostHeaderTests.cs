using System.Net;
using System.Text.Json;
using ShopAuthDemo.Tests.Gateway.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Gateway;

/// <summary>
/// The explorer's URLs (server, token URL, sign-in redirect) are the configured public address. A Host header
/// the caller chose must not send anyone's codes, tokens or secrets to the caller's server.
/// </summary>
public sealed class SpoofedHostHeaderTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string AttackerHost = "attacker.example";

    private async Task<string> GetWithHostAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = AttackerHost;
        using var response = await gateway.Anonymous().SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task A_spoofed_host_does_not_change_the_documents_urls()
    {
        var body = await GetWithHostAsync("/openapi/gateway.json");

        Assert.DoesNotContain(AttackerHost, body);
        var document = JsonDocument.Parse(body).RootElement;
        Assert.Equal(GatewayHost.PublicUrl, document.GetProperty("servers")[0].GetProperty("url").GetString());
        var flows = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows");
        Assert.All(new[] { "clientCredentials", "authorizationCode" }, flow =>
            Assert.Equal(GatewayHost.PublicUrl + "/identity/token", flows.GetProperty(flow).GetProperty("tokenUrl").GetString()));
    }

    [Fact]
    public async Task A_spoofed_host_does_not_change_the_pages_sign_in_redirect()
    {
        var page = await GetWithHostAsync("/scalar/");

        Assert.DoesNotContain(AttackerHost, page);
        Assert.Contains(GatewayHost.PublicUrl + "/scalar/", page);
    }
}
