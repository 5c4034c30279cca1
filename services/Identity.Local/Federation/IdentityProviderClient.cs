using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.Identity.Local.Realm;

namespace ShopAuthDemo.Identity.Local.Federation;

/// <summary>
/// The broker as a client of the other identity provider: redeems the code (with the PKCE verifier and this
/// realm's client secret there) and accepts the ID token only if that provider signed it for us, for this sign-in:
/// signature by a key of its JWKS (RS256 only), its issuer, our client id as audience, the nonce we sent, lifetime.
/// </summary>
public sealed class IdentityProviderClient(IHttpClientFactory httpClients, ILogger<IdentityProviderClient> logger)
{
    public const string HttpClientName = "identity-brokering";

    public async Task<ExternalIdentity> RedeemAsync(RealmIdentityProvider provider, BrokerSignIn signIn, string code, Uri redirectUri,
        CancellationToken cancellationToken)
    {
        var http = httpClients.CreateClient(HttpClientName);
        var idToken = await RequestIdTokenAsync(http, provider, signIn, code, redirectUri, cancellationToken);
        var keys = await SigningKeysAsync(http, provider, cancellationToken);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuer = provider.Issuer,
            ValidAudience = provider.ClientId,
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
            throw new BrokerSignInException($"the ID token from {provider.Alias} is not valid: {result.Exception?.GetType().Name} {result.Exception?.Message}");

        // The nonce binds the ID token to this sign-in: one issued for another (an attacker's own) is refused.
        var nonce = token.TryGetPayloadValue<string>("nonce", out var sent) ? sent : null;
        if (nonce is null || !FixedTimeEquals(nonce, signIn.Nonce))
            throw new BrokerSignInException($"the ID token from {provider.Alias} does not carry the nonce of this sign-in");
        // OIDC Core 3.1.3.7: with more than one audience azp must be present, and when present it must be us.
        var hasAzp = token.TryGetPayloadValue<string>("azp", out var azp);
        if ((hasAzp && azp != provider.ClientId) || (!hasAzp && token.Audiences.Count() > 1))
            throw new BrokerSignInException($"the ID token from {provider.Alias} was issued to another party (azp)");
        if (signIn.Fresh && !SignedInAfter(token, signIn.StartedAt))
            throw new BrokerSignInException($"{provider.Alias} did not ask for the password again although a fresh sign-in was required");

        // A name given twice: the last wins, as in the validated token itself.
        var claims = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var claim in JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload)).RootElement.EnumerateObject())
            claims[claim.Name] = claim.Value.Clone();
        logger.LogInformation("ID token from {Alias} accepted for {ExternalSub}", provider.Alias, token.Subject);
        return new ExternalIdentity(token.Subject, claims, idToken);
    }

    private static async Task<string> RequestIdTokenAsync(HttpClient http, RealmIdentityProvider provider, BrokerSignIn signIn,
        string code, Uri redirectUri, CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string>> form =
        [
            new("grant_type", "authorization_code"),
            new("code", code),
            new("redirect_uri", redirectUri.AbsoluteUri),
            new("code_verifier", signIn.CodeVerifier),
        ];
        using var request = new HttpRequestMessage(HttpMethod.Post, provider.TokenUrl);
        if (provider.ClientSecretBasic)
        {
            // RFC 6749 2.3.1: both parts form-encoded before Basic encoding.
            var pair = $"{Uri.EscapeDataString(provider.ClientId)}:{Uri.EscapeDataString(provider.ClientSecret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(pair)));
        }
        else
        {
            form.Add(new("client_id", provider.ClientId));
            form.Add(new("client_secret", provider.ClientSecret));
        }
        request.Content = new FormUrlEncodedContent(form);

        using var response = await SendAsync(http, request, provider, cancellationToken);
        using var body = await ReadJsonAsync(response, provider, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // invalid_grant: a code used before, expired, or issued for another verifier (a replayed callback).
            throw new BrokerSignInException($"{provider.Alias} refused the code: {(int)response.StatusCode} {Text(body, "error")}");
        }
        return Text(body, "id_token") is { Length: > 0 } value
            ? value
            : throw new BrokerSignInException($"{provider.Alias}'s token response has no ID token (is 'openid' in its defaultScope?)",
                StatusCodes.Status502BadGateway);
    }

    // Fetched at each sign-in: sign-ins are rare, and a key the provider has just rotated in is always found.
    private static async Task<IList<SecurityKey>> SigningKeysAsync(HttpClient http, RealmIdentityProvider provider, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, provider.JwksUrl);
        using var response = await SendAsync(http, request, provider, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new BrokerSignInException($"{provider.Alias}'s JWKS answered {(int)response.StatusCode}", StatusCodes.Status502BadGateway);
        IList<SecurityKey> keys;
        try
        {
            keys = new JsonWebKeySet(await response.Content.ReadAsStringAsync(cancellationToken)).GetSigningKeys();
        }
        catch (Exception e) when (e is ArgumentException or HttpRequestException)   // not JSON, or over 1 MB
        {
            throw new BrokerSignInException($"{provider.Alias}'s JWKS is not a key set", StatusCodes.Status502BadGateway);
        }
        return keys.Count > 0 ? keys : throw new BrokerSignInException($"{provider.Alias}'s JWKS has no signing key", StatusCodes.Status502BadGateway);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, RealmIdentityProvider provider,
        CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new BrokerSignInException($"{provider.Alias} could not be reached: {ex.Message}", StatusCodes.Status502BadGateway);
        }
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, RealmIdentityProvider provider, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is JsonException or HttpRequestException)   // not JSON, or over 1 MB
        {
            throw new BrokerSignInException($"{provider.Alias}'s token endpoint answered {(int)response.StatusCode} without JSON", StatusCodes.Status502BadGateway);
        }
    }

    // A string member of a JSON object; null for anything else (a provider's answer is input like any other).
    private static string? Text(JsonDocument body, string name) =>
        body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty(name, out var value) &&
        value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    // auth_time no earlier than the moment this sign-in started (a little clock skew allowed).
    private static bool SignedInAfter(JsonWebToken token, DateTimeOffset started) =>
        token.TryGetPayloadValue<long>("auth_time", out var authTime) &&
        DateTimeOffset.FromUnixTimeSeconds(authTime) >= started.AddSeconds(-30);

    private static bool FixedTimeEquals(string a, string b) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
