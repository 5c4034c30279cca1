using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace ShopAuthDemo.Tests.TokenManagement.Support;

// The API being called: records the Authorization header and body of each request and answers
// with whatever status Respond picks for that header.
public sealed class FakeDownstream : HttpMessageHandler
{
    private readonly ConcurrentQueue<ReceivedCall> _calls = new();

    public Func<string?, HttpStatusCode> Respond { get; set; } = _ => HttpStatusCode.OK;

    public IReadOnlyList<ReceivedCall> Calls => [.. _calls];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = request.Headers.Authorization?.ToString();
        var body = request.Content is null ? null : await ReadLikeTheNetworkAsync(request.Content, cancellationToken);
        _calls.Enqueue(new ReceivedCall(authorization, body));
        return new HttpResponseMessage(Respond(authorization));
    }

    // CopyToAsync, as SocketsHttpHandler does; ReadAsStringAsync would buffer the content and hide a body
    // that cannot be sent twice.
    private static async Task<string> ReadLikeTheNetworkAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using var wire = new MemoryStream();
        await content.CopyToAsync(wire, cancellationToken);
        return Encoding.UTF8.GetString(wire.ToArray());
    }
}

public sealed record ReceivedCall(string? Authorization, string? Body);
