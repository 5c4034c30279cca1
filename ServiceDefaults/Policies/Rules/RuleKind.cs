using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShopAuthDemo.ServiceDefaults.Policies.Rules;

/// <summary>
/// The whole vocabulary of access rules. A rule is one of these kinds plus its parameters: data an admin
/// fills in, never a script or an expression evaluated from input.
/// </summary>
[JsonConverter(typeof(RuleKindJsonConverter))]
public enum RuleKind
{
    /// <summary>Orders above an amount need a sign-in within the last N minutes (orders.place).</summary>
    StepUp,

    /// <summary>Price changes only on given weekdays and hours in a time zone (prices.change).</summary>
    Time,

    /// <summary>Customers in given countries may not order products of a category (orders.place).</summary>
    Location,

    /// <summary>Price changes above a percentage need membership of a group (prices.change).</summary>
    Group,

    /// <summary>Products of a category are sold only to customers of given companies, a trade-only category (orders.place).</summary>
    Company,
}

public static class RuleKinds
{
    /// <summary>A kind this code does not know (a newer policy-api): read, never guessed at.</summary>
    public const RuleKind Unknown = (RuleKind)(-1);

    /// <summary>The action a kind governs; null for a kind this code does not know.</summary>
    public static string? ActionOf(RuleKind kind) => kind switch
    {
        RuleKind.StepUp or RuleKind.Location or RuleKind.Company => AccessActions.PlaceOrder,
        RuleKind.Time or RuleKind.Group => AccessActions.ChangePrice,
        _ => null,
    };
}

/// <summary>
/// Kinds as names; a name this code does not know reads as <see cref="RuleKinds.Unknown"/> instead of failing
/// the whole rules document, so one new kind cannot stop a service from taking every later change.
/// </summary>
public sealed class RuleKindJsonConverter : JsonConverter<RuleKind>
{
    public override RuleKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String when Enum.TryParse<RuleKind>(reader.GetString(), ignoreCase: false, out var kind)
                && Enum.IsDefined(kind) && !int.TryParse(reader.GetString(), out _) => kind,
            JsonTokenType.Number when reader.TryGetInt32(out var number) && Enum.IsDefined((RuleKind)number) => (RuleKind)number,
            JsonTokenType.String or JsonTokenType.Number => RuleKinds.Unknown,
            _ => throw new JsonException("A rule kind is a name, such as StepUp."),
        };

    public override void Write(Utf8JsonWriter writer, RuleKind value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Enum.IsDefined(value) ? value.ToString() : "Unknown");
}
