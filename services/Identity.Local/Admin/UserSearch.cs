using System.Globalization;
using ShopAuthDemo.Identity.Local.Realm;

namespace ShopAuthDemo.Identity.Local.Admin;

/// <summary>
/// The query of <c>GET /admin/realms/shop/users</c>, matched as Keycloak matches it: case-insensitively, a part of
/// the value unless <c>exact=true</c>; <c>search</c> looks in username, email, first and last name; sorted by
/// username, <c>first</c>/<c>max</c> (default 100) page it. Service accounts are never listed.
/// </summary>
internal sealed record UserSearch(
    string? Search, string? Username, string? Email, string? FirstName, string? LastName, bool Exact, bool Brief, int First, int Max)
{
    public IEnumerable<RealmUser> Apply(IEnumerable<RealmUser> users) =>
        users
            .Where(user => user.ServiceAccountClientId is null)
            .Where(user => Search is null || new[] { user.Username, user.Email, user.FirstName, user.LastName }.Any(v => Contains(v, Search)))
            .Where(user => Matches(user.Username, Username) && Matches(user.Email, Email) &&
                           Matches(user.FirstName, FirstName) && Matches(user.LastName, LastName))
            .OrderBy(user => user.Username, StringComparer.Ordinal)
            .Skip(First)
            .Take(Max);

    private bool Matches(string? value, string? wanted) =>
        wanted is null || (Exact ? string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase) : Contains(value, wanted));

    private static bool Contains(string? value, string wanted) =>
        value?.Contains(wanted, StringComparison.OrdinalIgnoreCase) is true;

    public static bool TryRead(IQueryCollection query, out UserSearch search, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var exact = Flag(query, "exact", false, errors);
        var brief = Flag(query, "briefRepresentation", false, errors);
        var first = Count(query, "first", 0, errors);
        var max = Count(query, "max", 100, errors);
        search = new UserSearch(Text(query, "search"), Text(query, "username"), Text(query, "email"), Text(query, "firstName"),
            Text(query, "lastName"), exact, brief, first, max);
        return errors.Count == 0;
    }

    private static string? Text(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.ToString() is { Length: > 0 } text ? text.Trim() : null;

    private static bool Flag(IQueryCollection query, string name, bool fallback, Dictionary<string, string[]> errors)
    {
        if (Text(query, name) is not { } text) return fallback;
        if (bool.TryParse(text, out var value)) return value;
        errors[name] = [$"'{name}' is true or false."];
        return fallback;
    }

    private static int Count(IQueryCollection query, string name, int fallback, Dictionary<string, string[]> errors)
    {
        if (Text(query, name) is not { } text) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) return value;
        errors[name] = [$"'{name}' is a whole number, 0 or more."];
        return fallback;
    }
}
