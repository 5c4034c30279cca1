using System.Net;

namespace ShopAuthDemo.Web.Authentication.Problems;

/// <summary>An API answered, but with an error (problem details' title and detail when it sent them).</summary>
/// <param name="rule">The access rule that refused the request (a 403 problem's <c>rule</c> extension).</param>
/// <param name="errors">A 400 validation problem's field errors, keyed by the JSON path of the field.</param>
public sealed class ApiCallFailedException(string api, HttpStatusCode status, string? title, string? detail,
    string? rule = null, IReadOnlyDictionary<string, string[]>? errors = null)
    : Exception($"{api} answered {(int)status}: {title}")
{
    public string Api { get; } = api;
    public HttpStatusCode Status { get; } = status;
    public string? Title { get; } = title;
    public string? Detail { get; } = detail;
    public string? Rule { get; } = rule;
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();
}
