using System.Net;

namespace ShopAuthDemo.Web.Authentication.Problems;

/// <summary>An API answered, but with an error (problem details' title and detail when it sent them).</summary>
public sealed class ApiCallFailedException(string api, HttpStatusCode status, string? title, string? detail)
    : Exception($"{api} answered {(int)status}: {title}")
{
    public string Api { get; } = api;
    public HttpStatusCode Status { get; } = status;
    public string? Title { get; } = title;
    public string? Detail { get; } = detail;
}
