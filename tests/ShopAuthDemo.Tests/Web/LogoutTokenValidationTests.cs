using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.Tests.Web.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Web;

/// <summary>Anyone can POST to /backchannel-logout; only a logout token the identity provider made for us may end a session.</summary>
public sealed class LogoutTokenValidationTests : IDisposable
{
    private readonly LogoutTokens _tokens = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logout_token_from_the_identity_provider_names_the_session_and_user()
    {
        var result = await _tokens.Validator.ValidateAsync(_tokens.Create(), Cancellation);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("idp-session-1", result.Sid);
        Assert.Equal("alice-id", result.Sub);
    }

    [Fact]
    public async Task Logout_token_with_only_a_subject_is_accepted()
    {
        var result = await _tokens.Validator.ValidateAsync(_tokens.Create(claims => claims.Remove("sid")), Cancellation);

        Assert.True(result.IsValid, result.Error);
        Assert.Null(result.Sid);
        Assert.Equal("alice-id", result.Sub);
    }

    [Fact]
    public async Task Logout_token_signed_with_another_key_is_refused()
    {
        using var attackerRsa = RSA.Create(2048);
        // Same key id as the identity provider's: only the signature can tell them apart.
        var attackerKey = new RsaSecurityKey(attackerRsa) { KeyId = _tokens.SigningKey.KeyId };

        await AssertRefusedAsync(_tokens.Create(signingKey: attackerKey));
    }

    [Fact]
    public async Task Logout_token_for_another_client_is_refused() =>
        await AssertRefusedAsync(_tokens.Create(audience: "backoffice-web"));

    [Fact]
    public async Task Logout_token_from_another_issuer_is_refused() =>
        await AssertRefusedAsync(_tokens.Create(issuer: "http://evil.example/realms/shop"));

    [Fact]
    public async Task Token_without_the_back_channel_logout_event_is_refused() =>
        await AssertRefusedAsync(_tokens.Create(claims => claims.Remove("events")), "logout event");

    [Fact]
    public async Task Token_with_another_event_is_refused() =>
        await AssertRefusedAsync(_tokens.Create(claims => claims["events"] =
            new Dictionary<string, object> { ["http://schemas.openid.net/event/other"] = new Dictionary<string, object>() }), "logout event");

    [Fact]
    public async Task Token_with_a_nonce_is_refused_so_an_id_token_cannot_pass_for_a_logout_token() =>
        await AssertRefusedAsync(_tokens.Create(claims => claims["nonce"] = "n-0S6_WzA2Mj"), "nonce");

    [Fact]
    public async Task Token_naming_neither_session_nor_user_is_refused() =>
        await AssertRefusedAsync(_tokens.Create(claims => { claims.Remove("sid"); claims.Remove("sub"); }), "neither");

    [Fact]
    public async Task Token_without_a_jti_is_refused() =>
        await AssertRefusedAsync(_tokens.Create(claims => claims.Remove("jti")), "jti");

    [Fact]
    public async Task Replayed_logout_token_is_refused()
    {
        var token = _tokens.Create();
        Assert.True((await _tokens.Validator.ValidateAsync(token, Cancellation)).IsValid);

        await AssertRefusedAsync(token, "replay");
    }

    [Fact]
    public async Task Logout_token_issued_long_ago_is_refused_even_before_it_expires() =>
        await AssertRefusedAsync(_tokens.Create(issuedAt: DateTimeOffset.UtcNow.AddMinutes(-10), expires: DateTimeOffset.UtcNow.AddMinutes(2)), "too old");

    [Fact]
    public async Task Missing_logout_token_is_refused() =>
        await AssertRefusedAsync("", "missing");

    [Fact]
    public async Task Garbage_instead_of_a_token_is_refused() =>
        await AssertRefusedAsync("not-a-jwt");

    private async Task AssertRefusedAsync(string token, string? reason = null)
    {
        var result = await _tokens.Validator.ValidateAsync(token, Cancellation);

        Assert.False(result.IsValid);
        if (reason is not null) Assert.Contains(reason, result.Error, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _tokens.Dispose();
}
