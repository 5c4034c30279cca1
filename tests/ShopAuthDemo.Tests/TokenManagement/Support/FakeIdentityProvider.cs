using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Web;

namespace ShopAuthDemo.Tests.TokenManagement.Support;

// Stands in for Keycloak's discovery document and token endpoint: counts token requests, keeps what
// was sent, hands out "token-1", "token-2", … and fails when told to.
public sealed class FakeIdentityProvider : HttpMessageHandler
{
    public const string Authority = "http://idp.test/realms/shop";
    public const string TokenEndpoint = Authority + "/protocol/openid-connect/token";

    private readonly ConcurrentQueue<ReceivedTokenRequest> _tokenRequests = new();
    private readonly ConcurrentQueue<(HttpStatusCode Status, string Error, string Description)> _failures = new();
    private int _tokenRequestCount;
    private int _discoveryRequestCount;

    public int ExpiresIn { get; set; } = 300;

    // The discovery document may name another endpoint (e.g. plain http) to test what we accept.
    public string AdvertisedTokenEndpoint { get; set; } = TokenEndpoint;

    // Set to hold every token response until the test releases it.
    public TaskCompletionSource? Gate { get; set; }

    // A careless provider that repeats the credentials it received in error_description.
    public bool EchoCredentialsInErrors { get; set; }

    public TaskCompletionSource FirstTokenRequestArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int TokenRequestCount => Volatile.Read(ref _tokenRequestCount);

    public int DiscoveryRequestCount => Volatile.Read(ref _discoveryRequestCount);

    public IReadOnlyList<ReceivedTokenRequest> TokenRequests => [.. _tokenRequests];

    public void FailNext(HttpStatusCode status, string error, string description) => _failures.Enqueue((status, error, description));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!.GetLeftPart(UriPartial.Path);
        if (uri.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _discoveryRequestCount);
            var issuer = uri[..uri.IndexOf("/.well-known", StringComparison.Ordinal)];
            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = JsonContent.Create(new { issuer, token_endpoint = AdvertisedTokenEndpoint }),
            };
        }

        if (request.Method != HttpMethod.Post || !uri.EndsWith("/protocol/openid-connect/token", StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        var number = Interlocked.Increment(ref _tokenRequestCount);
        var body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var received = new ReceivedTokenRequest(HttpUtility.ParseQueryString(body), request.Headers.Authorization);
        _tokenRequests.Enqueue(received);
        FirstTokenRequestArrived.TrySetResult();

        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (_failures.TryDequeue(out var failure))
        {
            var description = EchoCredentialsInErrors
                ? $"{failure.Description}; received client {received.BasicCredentials} and form {body}"
                : failure.Description;
            return new HttpResponseMessage(failure.Status)
            {
                Content = JsonContent.Create(new { error = failure.Error, error_description = description }),
            };
        }

        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = JsonContent.Create(new { access_token = $"token-{number}", token_type = "Bearer", expires_in = ExpiresIn }),
        };
    }
}

public sealed record ReceivedTokenRequest(NameValueCollection Form, AuthenticationHeaderValue? Authorization)
{
    public string? this[string field] => Form[field];

    // "client-id:secret" from client_secret_basic, form-decoded as RFC 6749 2.3.1 requires.
    public string? BasicCredentials => Authorization is { Scheme: "Basic", Parameter: { } parameter }
        ? string.Join(':', Encoding.UTF8.GetString(Convert.FromBase64String(parameter)).Split(':', 2).Select(HttpUtility.UrlDecode))
        : null;
}
