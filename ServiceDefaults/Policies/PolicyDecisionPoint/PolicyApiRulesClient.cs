using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;

/// <summary>
/// policy-api's <c>GET /api/rules</c>, asked as this service: the HttpClient carries its client-credentials
/// token (scope <c>policies</c>). The version we hold goes out as <c>If-None-Match</c>, so an unchanged rule
/// set, the usual answer to a poll every two seconds, costs a 304 without a body.
/// </summary>
public sealed class PolicyApiRulesClient(HttpClient http) : IAccessRulesSource
{
    public async Task<AccessRulesDocument?> FetchAsync(long? knownVersion, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/rules");
        if (knownVersion is { } version)
        {
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var document = await response.Content.ReadFromJsonAsync<AccessRulesDocument>(AccessRulesJson.Options, cancellationToken);
        // A body without rules is a fault, not "no rules": keep deciding on the last good set.
        return document is { Rules: { } rules } && rules.All(rule => rule is not null)
            ? document
            : throw new InvalidDataException("policy-api answered without a list of rules.");
    }
}
