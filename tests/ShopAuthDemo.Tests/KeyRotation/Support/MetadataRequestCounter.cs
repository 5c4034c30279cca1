namespace ShopAuthDemo.Tests.KeyRotation.Support;

/// <summary>
/// Sits between an API's JWT bearer handler and the identity provider, counting how often the API fetches
/// the discovery document and the JWKS: the cost an unknown kid imposes on the identity provider.
/// </summary>
public sealed class MetadataRequestCounter(HttpMessageHandler identityProvider) : DelegatingHandler(identityProvider)
{
    private int discovery;
    private int jwks;
    private long lastRequestTicks = Environment.TickCount64;

    public int Discovery => Volatile.Read(ref discovery);

    public int Jwks => Volatile.Read(ref jwks);

    /// <summary>Waits until no metadata request has been made for <paramref name="quiet"/>, so a refresh the API
    /// started in the background is counted before a test asserts.</summary>
    public async Task WaitUntilQuietAsync(TimeSpan quiet, CancellationToken cancellationToken)
    {
        while (Environment.TickCount64 - Interlocked.Read(ref lastRequestTicks) < quiet.TotalMilliseconds)
        {
            await Task.Delay(quiet / 4, cancellationToken);
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        if (path.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal)) Interlocked.Increment(ref discovery);
        if (path.EndsWith(RealmKeys.CertsPath, StringComparison.Ordinal)) Interlocked.Increment(ref jwks);
        Interlocked.Exchange(ref lastRequestTicks, Environment.TickCount64);
        return base.SendAsync(request, cancellationToken);
    }
}
