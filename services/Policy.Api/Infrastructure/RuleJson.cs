using System.Text.Json;
using System.Text.Json.Serialization;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;

namespace ShopAuthDemo.Policy.Api.Infrastructure;

/// <summary>
/// The one JSON shape of rules, in the database and on the wire: the services' (<see cref="AccessRulesJson"/>),
/// camelCase, enums as names (<c>"kind": "StepUp"</c>, <c>"weekdays": ["Monday"]</c>).
/// </summary>
public static class RuleJson
{
    public static JsonSerializerOptions Options => AccessRulesJson.Options;

    /// <summary>The endpoints read and write rules in the same shape.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new RuleKindJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The stored JSON is not a {typeof(T).Name}.");
}
