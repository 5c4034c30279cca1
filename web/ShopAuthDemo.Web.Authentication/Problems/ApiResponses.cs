using System.Net.Http.Json;
using System.Text.Json;

namespace ShopAuthDemo.Web.Authentication.Problems;

public static class ApiResponses
{
    /// <summary>The body as <typeparamref name="T"/>, or <see cref="ApiCallFailedException"/> with the API's own explanation.</summary>
    public static async Task<T> ReadOrThrowAsync<T>(this HttpResponseMessage response, string api, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return (await response.Content.ReadFromJsonAsync<T>(cancellationToken))
                ?? throw new ApiCallFailedException(api, response.StatusCode, "Empty response", null);

        string? title = null, detail = null;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            title = problem.TryGetProperty("title", out var t) ? t.GetString() : null;
            detail = problem.TryGetProperty("detail", out var d) ? d.GetString()
                : problem.TryGetProperty("errors", out var errors) ? errors.ToString() : null;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            // No problem details (a 401 or 403 from the bearer handler has no body): the status says enough.
        }
        throw new ApiCallFailedException(api, response.StatusCode, title, detail);
    }
}
