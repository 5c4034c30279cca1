using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Yarp.ReverseProxy.Forwarder;

namespace ShopAuthDemo.Tests.Gateway.Support;

/// <summary>
/// catalog-api and orders-api as the gateway sees them: every request the gateway forwards is kept,
/// headers and all, and answered 200; the services' OpenAPI documents are served for the API explorer.
/// </summary>
public sealed class FakeServices : HttpMessageHandler, IForwarderHttpClientFactory
{
    public ConcurrentQueue<ForwardedRequest> Forwarded { get; } = new();

    public IEnumerable<ForwardedRequest> ToServices => Forwarded.Where(request => !request.PathAndQuery.StartsWith("/openapi/", StringComparison.Ordinal));

    // YARP forwards with its own client, not IHttpClientFactory; this hands it the fake instead.
    public HttpMessageInvoker CreateClient(ForwarderHttpClientContext context) => new(this, disposeHandler: false);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .ToDictionary(header => header.Key, header => string.Join(", ", header.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Forwarded.Enqueue(new ForwardedRequest(request.Method.Method, request.RequestUri!.Host, request.RequestUri.PathAndQuery, headers, body));

        return request.RequestUri.AbsolutePath == "/openapi/v1.json"
            ? Json(ServiceDocuments.For(request.RequestUri.Host))
            : Json(new { service = request.RequestUri.Host, path = request.RequestUri.AbsolutePath });
    }

    private static HttpResponseMessage Json(object body) => new(HttpStatusCode.OK) { Content = JsonContent.Create(body) };
}

public sealed record ForwardedRequest(string Method, string Service, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    public override string ToString() => $"{Method} {Service}{PathAndQuery}";
}
