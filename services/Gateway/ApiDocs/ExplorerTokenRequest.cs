using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace ShopAuthDemo.Gateway.ApiDocs;

/// <summary>
/// A token request as it came to /identity/token, read once, with a size cap, so the relay can decide on
/// exactly the bytes it forwards. Anything the identity provider might read differently from us (a repeated
/// parameter, a second way of naming the client, another body format) is refused rather than guessed.
/// </summary>
public sealed record ExplorerTokenRequest(byte[] Body, string? GrantType, string? ClientId)
{
    // A code, a PKCE verifier, a refresh token (a JWT of about 1 KB at Keycloak) or a client secret: a few KB at most.
    public const int MaxBodyBytes = 8 * 1024;

    public static async Task<(ExplorerTokenRequest? Request, TokenRequestRefusal? Refusal)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes || await ReadBodyAsync(request.Body, cancellationToken) is not { } body)
            return (null, TokenRequestRefusal.TooLarge);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || contentType.MediaType != "application/x-www-form-urlencoded"
            || contentType.CharSet is { } charset && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            return (null, TokenRequestRefusal.InvalidRequest("A token request is an application/x-www-form-urlencoded body (RFC 6749)."));

        if (ReadForm(body) is not { } form)
            return (null, TokenRequestRefusal.InvalidRequest("The body is not a well-formed UTF-8 form."));
        // RFC 6749 3.2: a parameter must not appear twice. Which copy counts would be the identity provider's choice, not ours.
        if (form.FirstOrDefault(parameter => parameter.Value.Count > 1) is { Key: { } repeated })
            return (null, TokenRequestRefusal.InvalidRequest($"The parameter '{repeated}' appears more than once."));
        // A client named by a signed assertion (private_key_jwt) is not one the explorer uses.
        if (form.ContainsKey("client_assertion") || form.ContainsKey("client_assertion_type"))
            return (null, TokenRequestRefusal.InvalidRequest("Client assertions are not relayed."));

        var inBody = Single(form, "client_id");
        if (!TryReadBasicClientId(request.Headers.Authorization, out var inHeader))
            return (null, TokenRequestRefusal.InvalidRequest("Only HTTP Basic client authentication (or client_id in the body) is relayed."));
        if (inBody is not null && inHeader is not null && inBody != inHeader)
            return (null, TokenRequestRefusal.InvalidRequest("The client_id in the body and the client in the Authorization header differ."));

        return (new ExplorerTokenRequest(body, Single(form, "grant_type"), inHeader ?? inBody), null);
    }

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Null for bytes that are not UTF-8 or a form past FormReader's limits (e.g. thousands of parameters):
    // the caller's mistake, so a 400, never a 500.
    private static Dictionary<string, StringValues>? ReadForm(byte[] body)
    {
        try
        {
            return new FormReader(StrictUtf8.GetString(body)).ReadForm();
        }
        catch (Exception exception) when (exception is DecoderFallbackException or InvalidDataException)
        {
            return null;
        }
    }

    private static string? Single(Dictionary<string, StringValues> form, string name) =>
        form.TryGetValue(name, out var value) && value.Count == 1 ? value[0] : null;

    // Null when longer than the cap: stops reading there, so a huge body costs us no more than the cap.
    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes) return null;
        }
        return buffer.ToArray();
    }

    // client_secret_basic: base64(urlencode(client_id) ":" urlencode(secret)), RFC 6749 2.3.1. No header: no client here.
    private static bool TryReadBasicClientId(StringValues authorization, out string? clientId)
    {
        clientId = null;
        if (StringValues.IsNullOrEmpty(authorization)) return true;
        if (authorization.Count != 1 || !AuthenticationHeaderValue.TryParse(authorization[0], out var header)
            || !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return false;
        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = credentials.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) return false;
            clientId = Uri.UnescapeDataString(credentials[..colon].Replace('+', ' '));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
