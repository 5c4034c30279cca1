using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShopAuthDemo.ServiceDefaults.Policies.Rules;

/// <summary>
/// The wire format of rules between policy-api and the services: camelCase, enums (kinds, weekdays) as
/// strings, times as "HH:mm:ss". One definition, so a rule reads the same on both ends.
/// </summary>
public static class AccessRulesJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // RuleKindJsonConverter first: it reads a kind this code does not know instead of failing the document.
        Converters = { new RuleKindJsonConverter(), new JsonStringEnumConverter() },
    };
}
