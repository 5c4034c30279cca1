using System.Text.Json;

namespace ShopAuthDemo.Identity.Local.Federation;

/// <summary>Who the other identity provider says signed in: its validated ID token's claims, and the token itself.</summary>
public sealed record ExternalIdentity(string Subject, IReadOnlyDictionary<string, JsonElement> Claims, string IdToken)
{
    /// <summary>A claim as text (strings as they are, anything else as JSON); null when absent or empty.</summary>
    public string? Claim(string name) =>
        Claims.TryGetValue(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        } : null;

    public string Username => Claim("preferred_username") ?? Subject;
}
