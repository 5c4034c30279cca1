using System.Net.Http.Json;
using System.Text.Json;
using ShopAuthDemo.ServiceDefaults.TokenManagement;

namespace ShopAuthDemo.Policy.Api.PolicyInformationPoint;

/// <summary>
/// The identity provider's user directory, read through the few calls of Keycloak's admin REST API that
/// Identity.Local serves too. policy-api calls it as itself (client credentials; its service account holds
/// realm-management's view-users and nothing more), and only for the rule tester: the services decide
/// without it.
/// </summary>
public sealed class UserDirectory(HttpClient http)
{
    /// <summary>{base}/realms/shop (the issuer) → {base}/admin/realms/shop/, where Keycloak serves the admin API.</summary>
    public static Uri AdminAddress(string authority)
    {
        const string realms = "/realms/";
        var at = authority.LastIndexOf(realms, StringComparison.Ordinal);
        return at < 0
            ? throw new InvalidOperationException($"Identity:Authority '{authority}' does not end in /realms/<realm>, so the user directory cannot be found.")
            : new Uri($"{authority[..at]}/admin{realms}{authority[(at + realms.Length)..].TrimEnd('/')}/");
    }

    /// <returns>The user, or null when the directory has nobody of that name.</returns>
    public async Task<DirectoryUser?> FindAsync(string username, CancellationToken cancellationToken)
    {
        var found = await GetAsync<List<User>>(
            $"users?username={Uri.EscapeDataString(username)}&exact=true&briefRepresentation=false", cancellationToken);
        // Usernames are case-insensitive in Keycloak; exact=true rules out "alice2" for "alice".
        var user = found.Find(u => string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase));
        if (user is null)
        {
            return null;
        }

        var id = Uri.EscapeDataString(user.Id);
        var groups = GetAsync<List<Named>>($"users/{id}/groups", cancellationToken);
        var roles = GetAsync<List<Named>>($"users/{id}/role-mappings/realm/composite", cancellationToken);
        var country = Attribute(user, "country");
        return new DirectoryUser(
            user.Id, user.Username, user.Enabled, country?.ToUpperInvariant(), Attribute(user, "company"),
            [.. (await groups).Select(g => g.Name)], [.. (await roles).Select(r => r.Name).Order(StringComparer.Ordinal)]);
    }

    // User-profile attributes are lists in the admin API; the realm keeps one value of each that rules read.
    private static string? Attribute(User user, string name) =>
        user.Attributes?.GetValueOrDefault(name)?.FirstOrDefault(value => !string.IsNullOrWhiteSpace(value))?.Trim();

    /// <summary>The people in the directory (Keycloak lists no service accounts here).</summary>
    public async Task<IReadOnlyList<string>> UsernamesAsync(CancellationToken cancellationToken) =>
        [.. (await GetAsync<List<User>>("users?max=100&briefRepresentation=true", cancellationToken))
            .Select(u => u.Username).Order(StringComparer.Ordinal)];

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(path, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                // 401/403: the realm does not (yet) give policy-api's service account view-users.
                throw new UserDirectoryUnavailableException($"The identity provider answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            return await response.Content.ReadFromJsonAsync<T>(cancellationToken)
                ?? throw new UserDirectoryUnavailableException("The identity provider answered with an empty body.");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is HttpRequestException
            or TokenRequestException or JsonException or OperationCanceledException or Polly.ExecutionRejectedException)
        {
            throw new UserDirectoryUnavailableException(exception switch
            {
                TokenRequestException token => $"policy-api could not get a token of its own ({token.Error}).",
                JsonException => "The identity provider's answer was not the expected JSON.",
                _ => "The identity provider cannot be reached.",
            }, exception);
        }
    }

    // Keycloak's UserRepresentation, GroupRepresentation and RoleRepresentation: only what is read here.
    private sealed record User(string Id, string Username, bool Enabled, Dictionary<string, List<string>>? Attributes);

    private sealed record Named(string Name);
}

/// <summary>What the directory says about one person.</summary>
public sealed record DirectoryUser(
    string Id, string Username, bool Enabled, string? Country, string? Company, IReadOnlyList<string> Groups, IReadOnlyList<string> Roles);

/// <summary>The directory could not answer; the message says why, in words fit for the admin (no secrets).</summary>
public sealed class UserDirectoryUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
