using System.ComponentModel;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;

/// <summary>
/// The identity provider's userinfo endpoint (OIDC Core 5.3), asked with the caller's own access token: the
/// country and the company are deliberately left out of access tokens, so only a holder of the user's token
/// learns them. The address comes from the discovery document the JWT bearer handler already keeps up to date
/// (<see cref="JwtBearerOptions.ConfigurationManager"/>), not from a second discovery client.
/// </summary>
public sealed class UserInfoClient(HttpClient http, IOptionsMonitor<JwtBearerOptions> bearer)
{
    public async Task<UserInfoAttributes> GetAsync(string accessToken, string subject, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var options = bearer.Get(JwtBearerDefaults.AuthenticationScheme);
        var discovery = options.ConfigurationManager ?? throw new UserInfoException("The JWT bearer handler has no discovery document.");
        var endpoint = (await discovery.GetConfigurationAsync(cancellationToken)).UserInfoEndpoint;
        // The user's token travels to this address: over plain http anyone on the path could replay it.
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var address)
            || (options.RequireHttpsMetadata && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new UserInfoException("The discovery document names no usable userinfo endpoint.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode) throw new UserInfoException($"userinfo answered {(int)response.StatusCode}.");

        var claims = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        // OIDC Core 5.3.2: a userinfo answer whose sub is not the token's must not be used. A mixed-up or
        // substituted answer would otherwise give this user someone else's country.
        if (claims.ValueKind != JsonValueKind.Object || !claims.TryGetProperty("sub", out var sub)
            || sub.ValueKind != JsonValueKind.String || !string.Equals(sub.GetString(), subject, StringComparison.Ordinal))
        {
            throw new UserInfoException("userinfo answered for another subject than the token's.");
        }

        return new UserInfoAttributes(subject, Country(claims), Company(claims), now);
    }

    // Not listed is "no country" (no location rule refuses it); anything other than two letters is a fault, not a guess.
    private static string? Country(JsonElement claims) =>
        !claims.TryGetProperty("country", out var country) || country.ValueKind == JsonValueKind.Null ? null
        : country.ValueKind == JsonValueKind.String && country.GetString() is { Length: 2 } code && code.All(char.IsAsciiLetter)
            ? code.ToUpperInvariant()
            : throw new UserInfoException("userinfo's country is not a two-letter code.");

    // The realm's "company" mapper (profile scope), filled when the user signs in through their company's
    // identity provider. Not listed or blank is "no company"; anything but text is a fault, not a guess.
    private static string? Company(JsonElement claims) =>
        !claims.TryGetProperty("company", out var company) || company.ValueKind == JsonValueKind.Null ? null
        : company.ValueKind == JsonValueKind.String
            ? (company.GetString()!.Trim() is { Length: > 0 } name ? name : null)
            : throw new UserInfoException("userinfo's company is not text.");
}

/// <summary>What userinfo said about a user, as far as rules read it. Immutable: HybridCache keeps the instance.</summary>
[ImmutableObject(true)]
public sealed record UserInfoAttributes(string Subject, string? Country, string? Company, DateTimeOffset FetchedAt);

/// <summary>Userinfo gave no usable answer; the message names why, never the token.</summary>
public sealed class UserInfoException(string message) : Exception(message);
