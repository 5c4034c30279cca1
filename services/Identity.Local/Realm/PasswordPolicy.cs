using System.Text.RegularExpressions;

namespace ShopAuthDemo.Identity.Local.Realm;

/// <summary>
/// The realm's <c>passwordPolicy</c> ("length(12) and notUsername and notEmail"). Keycloak checks it when it
/// imports a user's plain-text password and fails the import if one breaks it; the stand-in does the same
/// at start-up, so a policy the dev passwords do not meet is found on any machine, not only with Keycloak.
/// </summary>
public sealed partial class PasswordPolicy
{
    private readonly List<(string Name, Func<string, RealmUser, bool> Allows)> _rules = [];

    public static PasswordPolicy Parse(string? policy, Action<bool, string> require)
    {
        var parsed = new PasswordPolicy();
        foreach (var term in (policy ?? "").Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Term().Match(term);
            var name = match.Groups["name"].Value;
            var argument = match.Groups["arg"].Value;
            int Number(int fallback) => int.TryParse(argument, out var n) ? n : fallback;   // "undefined" too
            Func<string, RealmUser, bool>? rule = name switch
            {
                "length" => (password, _) => password.Length >= Number(8),
                "maxLength" => (password, _) => password.Length <= Number(64),
                "digits" => (password, _) => password.Count(char.IsDigit) >= Number(1),
                "lowerCase" => (password, _) => password.Count(char.IsLower) >= Number(1),
                "upperCase" => (password, _) => password.Count(char.IsUpper) >= Number(1),
                "specialChars" => (password, _) => password.Count(c => !char.IsLetterOrDigit(c)) >= Number(1),
                "notUsername" => (password, user) => !string.Equals(password, user.Username, StringComparison.OrdinalIgnoreCase),
                "notEmail" => (password, user) => !string.Equals(password, user.Email, StringComparison.OrdinalIgnoreCase),
                _ => null,
            };
            // Keycloak refuses a policy it has no provider for, and the import with it.
            require(match.Success && rule is not null, $"passwordPolicy: '{term}' is not supported");
            if (rule is not null) parsed._rules.Add((name, rule));
        }
        return parsed;
    }

    /// <summary>The first rule the password breaks, or null. Never echoes the password.</summary>
    public string? BrokenRule(string password, RealmUser user) =>
        _rules.FirstOrDefault(r => !r.Allows(password, user)).Name;

    [GeneratedRegex(@"^(?<name>[A-Za-z]+)(\((?<arg>[^)]*)\))?$")]
    private static partial Regex Term();
}
