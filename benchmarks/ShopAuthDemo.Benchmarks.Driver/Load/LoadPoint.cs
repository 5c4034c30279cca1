namespace ShopAuthDemo.Benchmarks.Driver.Load;

/// <summary>One thing to load: a URL, how many connections keep requests in flight, and what each request carries.</summary>
/// <param name="Name">Names the wrk output saved in the artifacts folder.</param>
/// <param name="JsonBody">Makes the request a POST with this body.</param>
public sealed record LoadPoint(string Name, Uri Url, int Connections, string? BearerToken = null, string? JsonBody = null)
{
    public string Method => JsonBody is null ? "GET" : "POST";

    // Enough to keep one service busy on 2 cores from a single wrk thread.
    public const int ThroughputConnections = 32;
}
