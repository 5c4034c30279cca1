using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyDecisionPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Tests.Support;

/// <summary>
/// policy-api's rules as a service reads them: in memory (as the service's <see cref="IAccessRulesSource"/>)
/// or over HTTP (<see cref="Serve"/>, for a fake network), with the contract's ETag and 304. The seeded
/// rules unless a test publishes others; <see cref="Down"/> is policy-api stopped.
/// </summary>
public sealed class AccessRulesStub(AccessRulesDocument? initial = null) : IAccessRulesSource
{
    private AccessRulesDocument document = initial ?? SeededAccessRules.Document();
    private int fetches;
    private int notModified;

    public AccessRulesDocument Document => Volatile.Read(ref document);

    public bool Down { get; set; }

    /// <summary>Polls that reached policy-api, answered or not.</summary>
    public int Fetches => Volatile.Read(ref fetches);

    /// <summary>Polls answered "304 Not Modified" because they named the current version.</summary>
    public int NotModifiedAnswers => Volatile.Read(ref notModified);

    /// <summary>A change on the Access rules page: the rules given, as the next version.</summary>
    public AccessRulesDocument Publish(params AccessRule[] rules)
    {
        var next = new AccessRulesDocument(Document.Version + 1, rules);
        Volatile.Write(ref document, next);
        return next;
    }

    /// <summary>The current rules with one of them changed, as the next version.</summary>
    public AccessRulesDocument Change(int id, Func<AccessRule, AccessRule> change) =>
        Publish([.. Document.Rules.Select(rule => rule.Id == id ? change(rule) : rule)]);

    public Task<AccessRulesDocument?> FetchAsync(long? knownVersion, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref fetches);
        if (Down) throw new HttpRequestException("policy-api is down (test).");
        var current = Document;
        if (knownVersion != current.Version) return Task.FromResult<AccessRulesDocument?>(current);
        Interlocked.Increment(ref notModified);
        return Task.FromResult<AccessRulesDocument?>(null);
    }

    /// <summary>GET /api/rules as policy-api answers it.</summary>
    public HttpResponseMessage Serve(HttpRequestMessage request)
    {
        Interlocked.Increment(ref fetches);
        if (Down) return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        var current = Document;
        var etag = new EntityTagHeaderValue($"\"{current.Version}\"");
        if (request.Headers.IfNoneMatch.Contains(etag))
        {
            Interlocked.Increment(ref notModified);
            return new HttpResponseMessage(HttpStatusCode.NotModified);
        }
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(current, options: AccessRulesJson.Options) };
        response.Headers.ETag = etag;
        return response;
    }
}
