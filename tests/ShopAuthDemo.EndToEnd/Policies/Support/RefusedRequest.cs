using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ShopAuthDemo.EndToEnd.Policies.Support;

/// <summary>A service's answer to a request an access rule governs: the status, and for a refusal the rule and its reason.</summary>
public sealed record RefusedRequest(HttpStatusCode Status, string? Rule, string? Reason, string Body)
{
    public static async Task<RefusedRequest> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        string? rule = null, reason = null;
        if (!response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType?.Contains("json") == true)
        {
            var problem = JsonDocument.Parse(body).RootElement;
            reason = problem.TryGetProperty("detail", out var detail) ? detail.GetString() : null;
            if (problem.TryGetProperty("rule", out var named))
                rule = named.ValueKind == JsonValueKind.String ? named.GetString()
                    : named.ValueKind == JsonValueKind.Object && named.TryGetProperty("name", out var name) ? name.GetString() : null;
        }
        return new(response.StatusCode, rule, reason, body);
    }

    public override string ToString() => $"{(int)Status} {Body}";
}
