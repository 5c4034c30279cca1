using System.Text.Json.Serialization;

namespace ShopAuthDemo.ServiceDefaults.Policies.Rules;

/// <summary>
/// The whole vocabulary of access rules. A rule is one of these kinds plus its parameters: data an admin
/// fills in, never a script or an expression evaluated from input.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RuleKind>))]
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
}

public static class RuleKinds
{
    public static string ActionOf(RuleKind kind) => kind switch
    {
        RuleKind.StepUp or RuleKind.Location => AccessActions.PlaceOrder,
        RuleKind.Time or RuleKind.Group => AccessActions.ChangePrice,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a rule kind."),
    };
}
