using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.Tests.Security.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Security;

/// <summary>
/// The negative JWT suite, one table per service: every forged, stale, misdirected or malformed token
/// ends in 401 (or 403 when the token is valid but lacks a scope or role), never in a 500, never
/// leaks how validation failed, and never makes the service fetch anything a token header points to.
/// </summary>
public abstract class NegativeJwtSuite
{
    private const string TrustedKeyId = "test-signing-key";

    private static readonly string[] InternalDetails = ["IDX", "   at ", "Exception", "Microsoft.IdentityModel", "System."];

    protected abstract SecurityTarget CreateTarget();

    [Fact]
    public async Task Every_hostile_token_is_refused_without_a_500_or_internal_detail()
    {
        await using var target = CreateTarget();
        using var client = target.CreateClient();
        var skew = target.ClockSkew;
        var cases = CasesFor(target, skew).ToList();
        var failures = new List<string>();

        foreach (var (name, expected, token, call) in cases)
        {
            var (outboundBefore, forwardedBefore) = (target.Outbound.Count, target.Forwarded());
            using var response = await SendAsync(client, call ?? target.Call, token);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var challenge = string.Join(" ", response.Headers.WwwAuthenticate);
            var status = (int)response.StatusCode;
            TestContext.Current.TestOutputHelper?.WriteLine($"{target.Name}: {name} -> {status}");

            if (!expected.Contains(response.StatusCode))
                failures.Add($"{name}: expected {string.Join(" or ", expected)}, got {status}");
            if (InternalDetails.FirstOrDefault(detail => body.Contains(detail, StringComparison.Ordinal) || challenge.Contains(detail, StringComparison.Ordinal)) is { } leak)
                failures.Add($"{name}: response reveals \"{leak}\"");
            if (target.Outbound.Count != outboundBefore)
                failures.Add($"{name}: the service made {target.Outbound.Count - outboundBefore} outbound request(s)");
            if (status >= 400 && target.Forwarded() != forwardedBefore)
                failures.Add($"{name}: refused at the edge but forwarded anyway");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{target.Name}: {cases.Count} cases, clock skew {skew.TotalSeconds} s");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private sealed record Case(string Name, HttpStatusCode[] Expected, string Token, ProtectedCall? Call = null);

    private static readonly HttpStatusCode[] Accepted = [HttpStatusCode.OK];
    private static readonly HttpStatusCode[] Unauthorized = [HttpStatusCode.Unauthorized];
    private static readonly HttpStatusCode[] Forbidden = [HttpStatusCode.Forbidden];
    private static readonly HttpStatusCode[] UnauthorizedOrTooLarge = [HttpStatusCode.Unauthorized, HttpStatusCode.RequestHeaderFieldsTooLarge];

    private static IEnumerable<Case> CasesFor(SecurityTarget target, TimeSpan skew)
    {
        var trustedKey = target.Tokens.SigningKey.Rsa;
        using var attackerKey = RSA.Create(2048);
        var valid = target.Tokens.CreateToken(target.Caller);
        var payload = HostileTokens.PayloadOf(valid);
        var now = DateTimeOffset.UtcNow;
        JsonObject With(Action<JsonObject> change) { var copy = payload.DeepClone().AsObject(); change(copy); return copy; }
        static Dictionary<string, object> Header(string alg, string kid) => new() { ["alg"] = alg, ["typ"] = "JWT", ["kid"] = kid };
        var segments = valid.Split('.');

        // The baseline: without it, every "401" below could just mean the route is broken.
        yield return new("valid token (baseline)", Accepted, valid);
        yield return new("alg none", Unauthorized, HostileTokens.Unsigned(payload));
        yield return new("alg none, signature kept", Unauthorized, $"{HostileTokens.Segment(new { alg = "none", typ = "JWT" })}.{segments[1]}.{segments[2]}");
        yield return new("RS256 to HS256, public key PEM as HMAC secret", Unauthorized,
            HostileTokens.SignedWithHmac(Header("HS256", TrustedKeyId), payload, Encoding.ASCII.GetBytes(trustedKey.ExportSubjectPublicKeyInfoPem())));
        yield return new("RS256 to HS256, public key DER as HMAC secret", Unauthorized,
            HostileTokens.SignedWithHmac(Header("HS256", TrustedKeyId), payload, trustedKey.ExportSubjectPublicKeyInfo()));
        yield return new($"expired {skew.TotalSeconds + 30} s ago (beyond the {skew.TotalSeconds} s skew)", Unauthorized,
            target.Tokens.CreateToken(target.Caller with { IssuedAt = now - skew - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(30), Lifetime = TimeSpan.FromMinutes(5) }));
        yield return new($"expired {skew.TotalSeconds / 2} s ago (within the skew: accepted)", Accepted,
            target.Tokens.CreateToken(target.Caller with { IssuedAt = now - TimeSpan.FromMinutes(5) - skew / 2, Lifetime = TimeSpan.FromMinutes(5) }));
        yield return new("nbf in the future beyond the skew", Unauthorized,
            target.Tokens.CreateToken(target.Caller with { IssuedAt = now + skew + TimeSpan.FromSeconds(60) }));
        yield return new("wrong issuer (another realm, trusted key)", Unauthorized,
            target.Tokens.CreateToken(target.Caller with { Issuer = "http://identity.test/realms/other" }));
        yield return new("issuer with a trailing slash", Unauthorized,
            target.Tokens.CreateToken(target.Caller with { Issuer = TestTokenIssuer.Authority + "/" }));
        yield return new("wrong audience", Unauthorized, target.Tokens.CreateToken(target.Caller with { Audiences = ["account"] }));
        yield return new("bad signature (payload tampered after signing)", Unauthorized,
            $"{segments[0]}.{HostileTokens.Segment(With(p => p["sub"] = "c4ca4238-carol"))}.{segments[2]}");
        yield return new("bad signature (signature bytes flipped)", Unauthorized,
            $"{segments[0]}.{segments[1]}.{Base64UrlEncoder.Encode(Base64UrlEncoder.DecodeBytes(segments[2]).Select(b => (byte)~b).ToArray())}");
        yield return new("unknown kid, attacker's key", Unauthorized, HostileTokens.SignedWithRsa(Header("RS256", "rotated-away-key"), payload, attackerKey));
        yield return new("unknown kid, trusted key (only the key a token names may verify it)", Unauthorized,
            HostileTokens.SignedWithRsa(Header("RS256", "not-a-published-kid"), payload, trustedKey));
        yield return new("kid path traversal, HS256 with an empty secret", Unauthorized,
            HostileTokens.SignedWithHmac(Header("HS256", "../../../../../../dev/null"), payload, []));
        yield return new("kid path traversal, RS256 attacker's key", Unauthorized, HostileTokens.SignedWithRsa(Header("RS256", "../../etc/passwd"), payload, attackerKey));
        yield return new("kid SQL injection", Unauthorized,
            HostileTokens.SignedWithHmac(Header("HS256", "' OR 1=1 --"), payload, Encoding.ASCII.GetBytes("key")));
        yield return new("kid SQL union", Unauthorized,
            HostileTokens.SignedWithHmac(Header("HS256", "x' UNION SELECT 'key' --"), payload, Encoding.ASCII.GetBytes("key")));
        yield return new("jku pointing to the attacker's key set", Unauthorized, HostileTokens.SignedWithRsa(
            new() { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = "attacker-key", ["jku"] = "http://attacker.test/jwks.json" }, payload, attackerKey));
        yield return new("jku on the trusted host, attacker's key", Unauthorized, HostileTokens.SignedWithRsa(
            new() { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = "attacker-key", ["jku"] = "http://identity.test/realms/shop/../../attacker/jwks" }, payload, attackerKey));
        yield return new("x5u pointing to the attacker's certificate", Unauthorized, HostileTokens.SignedWithRsa(
            new() { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = "attacker-key", ["x5u"] = "http://attacker.test/cert.pem" }, payload, attackerKey));
        yield return new("jwk header embedding the attacker's key", Unauthorized, HostileTokens.SignedWithRsa(
            new() { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = "attacker-key", ["jwk"] = HostileTokens.PublicJwk(attackerKey) }, payload, attackerKey));
        yield return new("another key, same kid (another realm's key)", Unauthorized,
            TestTokenIssuer.CreateToken(target.Caller, new RsaSecurityKey(attackerKey) { KeyId = TrustedKeyId }));
        yield return new("another realm: its issuer and its key", Unauthorized,
            TestTokenIssuer.CreateToken(target.Caller with { Issuer = "http://identity.test/realms/other" }, new RsaSecurityKey(attackerKey) { KeyId = "other-realm-key" }));
        yield return new("ID token used as bearer (typ ID, aud shop-web)", Unauthorized,
            HostileTokens.SignedWithRsa(Header("RS256", TrustedKeyId), With(p => { p["typ"] = "ID"; p["aud"] = "shop-web"; p.Remove("scope"); }), trustedKey));
        yield return new("refresh token used as bearer (typ Refresh, aud realm, HS512)", Unauthorized,
            HostileTokens.SignedWithHmac(Header("HS512", "realm-hmac-key"), With(p => { p["typ"] = "Refresh"; p["aud"] = TestTokenIssuer.Authority; }), RandomNumberGenerator.GetBytes(64)));
        yield return new($"valid token lacking {target.Lacking}", Forbidden, target.Tokens.CreateToken(target.UnderPrivilegedCaller), target.ForbiddenCall);
        yield return new("malformed base64 in every segment", Unauthorized, "eyJ!!!.@@@###.$$$%%%");
        yield return new("malformed base64 in the payload", Unauthorized, $"{segments[0]}.eyJzdWIiOi*&^.{segments[2]}");
        yield return new("header that is not JSON", Unauthorized, $"{Base64UrlEncoder.Encode("{not json")}.{segments[1]}.{segments[2]}");
        yield return new("1 segment", Unauthorized, segments[0]);
        yield return new("2 segments", Unauthorized, $"{segments[0]}.{segments[1]}");
        yield return new("4 segments", Unauthorized, $"{valid}.{segments[2]}");
        yield return new("5 segments (JWE-shaped, nothing to decrypt with)", Unauthorized, $"{valid}.{segments[1]}.{segments[2]}");
        yield return new("empty bearer value", Unauthorized, "");
        yield return new("64 KiB token", UnauthorizedOrTooLarge, $"{segments[0]}.{new string('A', 64 * 1024)}.{segments[2]}");
        yield return new("300 KiB token (over the handler's size limit)", UnauthorizedOrTooLarge, $"{segments[0]}.{new string('A', 300 * 1024)}.{segments[2]}");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, ProtectedCall call, string token)
    {
        using var request = new HttpRequestMessage(call.Method, call.Path);
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        if (call.JsonBody is not null)
            request.Content = new StringContent(call.JsonBody, Encoding.UTF8, "application/json");
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
