using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace ShopAuthDemo.Tests.PolicyAdministrationPoint.Support;

/// <summary>The calls the back office's Access rules page makes, asserting they succeed.</summary>
public static class RulesClient
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<(JsonElement Document, string ETag)> GetRulesAsync(this HttpClient client)
    {
        using var response = await client.GetAsync("/api/rules", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Ct), response.Headers.ETag!.ToString());
    }

    public static async Task<JsonElement> RuleAsync(this HttpClient client, int id) =>
        (await client.GetRulesAsync()).Document.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetInt32() == id);

    public static async Task<JsonElement> SendJsonAsync(this HttpClient client, HttpMethod method, string path, object body, HttpStatusCode expected)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) }, Ct);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public static async Task<JsonElement> AuditAsync(this HttpClient client) =>
        await client.GetFromJsonAsync<JsonElement>("/api/rules/audit", Ct);
}
