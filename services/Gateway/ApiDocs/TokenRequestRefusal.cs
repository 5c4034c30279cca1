namespace ShopAuthDemo.Gateway.ApiDocs;

/// <summary>Why the gateway did not relay a token request: an OAuth error response (RFC 6749 5.2), never a 500.</summary>
public sealed record TokenRequestRefusal(int Status, string Error, string Description)
{
    public static TokenRequestRefusal TooLarge { get; } = new(StatusCodes.Status413PayloadTooLarge, "invalid_request",
        $"A token request through the gateway may be at most {ExplorerTokenRequest.MaxBodyBytes} bytes.");

    public static TokenRequestRefusal InvalidRequest(string description) => new(StatusCodes.Status400BadRequest, "invalid_request", description);

    public Task WriteAsync(HttpResponse response)
    {
        response.StatusCode = Status;
        // As a token endpoint answers: never cached by the browser or a proxy.
        response.Headers.CacheControl = "no-store";
        return response.WriteAsJsonAsync(new Dictionary<string, string> { ["error"] = Error, ["error_description"] = Description });
    }
}
