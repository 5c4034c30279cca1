using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;

/// <summary>
/// Reads a JSON body before the endpoint does, for a resource source: the decision needs the resource, and
/// authorization runs before model binding. With the endpoints' own JSON options, so both read a body the
/// same way; bounded, so no caller can make the service hold an endless body in memory; and put back as an
/// in-memory body, so anything reading it later sees the same bytes.
/// </summary>
public static class RequestBody
{
    private const string Unreadable = "The request could not be read.";

    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpContext httpContext, int maxBytes,
        CancellationToken cancellationToken) where T : class
    {
        var request = httpContext.Request;
        if (!request.HasJsonContentType())
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, $"Expected a JSON body (application/json), got \"{request.ContentType}\"."));
        if (request.ContentLength > maxBytes)
            return (null, TooLarge(maxBytes));

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes) return (null, TooLarge(maxBytes));
            buffer.Write(chunk, 0, read);
        }
        request.Body = new MemoryStream(buffer.ToArray(), writable: false);

        var json = httpContext.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        try
        {
            return JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), json) is { } value
                ? (value, null)
                : (null, Problem(StatusCodes.Status400BadRequest, "The request body is null."));
        }
        catch (JsonException)
        {
            // Not the parser's message: it names this service's internal types.
            return (null, Problem(StatusCodes.Status400BadRequest, $"The request body is not valid JSON for {typeof(T).Name}."));
        }
    }

    private static IResult TooLarge(int maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {maxBytes} bytes.");

    private static IResult Problem(int status, string detail) =>
        TypedResults.Problem(statusCode: status, title: Unreadable, detail: detail);
}
