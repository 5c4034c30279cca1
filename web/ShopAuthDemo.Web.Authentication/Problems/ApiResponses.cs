using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using ShopAuthDemo.Web.Authentication.StepUp;

namespace ShopAuthDemo.Web.Authentication.Problems;

public static class ApiResponses
{
    /// <summary>The APIs' JSON: camelCase, enums as their names (rule kinds, weekdays, decision outcomes).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The body as <typeparamref name="T"/>, or the API's own explanation as an exception.</summary>
    /// <exception cref="StepUpRequiredException">A 401 with an RFC 9470 step-up challenge: sign in again.</exception>
    /// <exception cref="ApiCallFailedException">Any other error.</exception>
    public static async Task<T> ReadOrThrowAsync<T>(this HttpResponseMessage response, string api, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return (await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken))
                ?? throw new ApiCallFailedException(api, response.StatusCode, "Empty response", null);

        var problem = await ReadProblemAsync(response, cancellationToken);
        if (StepUpChallenge.Find(response) is { } stepUp) throw new StepUpRequiredException(api, stepUp, problem.Detail);
        throw new ApiCallFailedException(api, response.StatusCode, problem.Title, problem.Detail, problem.Rule, problem.Errors);
    }

    /// <summary>Succeeds quietly, or throws as <see cref="ReadOrThrowAsync{T}"/> does.</summary>
    public static async Task EnsureSuccessOrThrowAsync(this HttpResponseMessage response, string api, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode) await response.ReadOrThrowAsync<JsonElement>(api, cancellationToken);
    }

    private sealed record Problem(string? Title, string? Detail, string? Rule, IReadOnlyDictionary<string, string[]>? Errors);

    private static async Task<Problem> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            if (problem.ValueKind != JsonValueKind.Object) return new(null, null, null, null);
            var errors = problem.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
                ? e.Deserialize<Dictionary<string, string[]>>(Json)
                : null;
            return new(
                Text(problem, "title"),
                Text(problem, "detail") ?? (errors is null ? null : string.Join(" ", errors.Values.SelectMany(v => v))),
                // The rule that refused: its name, or a rule object with one.
                Text(problem, "rule") ?? (problem.TryGetProperty("rule", out var r) && r.ValueKind == JsonValueKind.Object ? Text(r, "name") : null),
                errors);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            // No problem details (a 401 or 403 from the bearer handler has no body): the status says enough.
            return new(null, null, null, null);
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
