using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace ShopAuthDemo.Policy.Api.Apis;

/// <summary>
/// A JSON request body read so that every mistake an admin can make is a 400, never a 500: a body that is
/// not JSON is a problem; a value of the wrong type (a word for an amount, a kind that does not exist) is a
/// field error under the field's path, the same keys <c>RuleValidation</c> uses, so the page can show it
/// next to the field and keep what was typed.
/// </summary>
public sealed partial class JsonBody<T> where T : class
{
    private JsonBody(T? value, Dictionary<string, string[]> errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>The body; present when <see cref="Errors"/> is empty.</summary>
    public T? Value { get; }

    public Dictionary<string, string[]> Errors { get; }

    public static async ValueTask<JsonBody<T>?> BindAsync(HttpContext context)
    {
        if (!context.Request.HasJsonContentType())
        {
            throw new BadHttpRequestException("Send the body as JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType);
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            throw new BadHttpRequestException("The request body is not valid JSON.");
        }

        using (document)
        {
            var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            try
            {
                return document.Deserialize<T>(options) is { } value
                    ? new JsonBody<T>(value, [])
                    : new JsonBody<T>(null, new() { ["body"] = ["Send a JSON object."] });
            }
            catch (JsonException exception)
            {
                // The message would name .NET types; the path is all the caller needs.
                return new JsonBody<T>(null, new() { [FieldOf(exception.Path)] = ["This value has the wrong type or is not one of the allowed values."] });
            }
        }
    }

    // "$.parameters.weekdays[2]" → "parameters.weekdays"; the root → "body".
    private static string FieldOf(string? path) =>
        path is null or "$" ? "body" : ArrayIndex().Replace(path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path, "");

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ArrayIndex();
}
