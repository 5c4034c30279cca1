using Microsoft.Extensions.Logging;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// For calls made on a user's behalf: the downstream API sees the user (sub, roles), with an audience
// of its own, instead of a token minted for us that it would have to accept or of no user at all.
public sealed class TokenExchangeHandler(
    TokenExchangeTokens tokens, ISubjectTokenSource subjectTokens, string audience, string? scope, ILogger<TokenExchangeHandler> logger)
    : AccessTokenHandler(logger)
{
    protected override string GrantType => "token_exchange";
    protected override string? Audience => audience;
    protected override string? Scope => scope;

    protected override async Task<string> GetTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await tokens.ExchangeAsync(await SubjectTokenAsync(request, cancellationToken), audience, scope, cancellationToken);

    protected override async Task<string> RenewTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await tokens.RenewAsync(await SubjectTokenAsync(request, cancellationToken), audience, scope, cancellationToken);

    // Sending the call without a token, or with our own, would quietly drop the user's identity and
    // permissions; a missing user token is a wiring mistake, so it fails loudly.
    private async Task<string> SubjectTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        await subjectTokens.GetSubjectTokenAsync(cancellationToken) is { Length: > 0 } subjectToken
            ? subjectToken
            : throw new InvalidOperationException(
                $"No user access token to exchange for a call to {request.RequestUri?.Host} (audience '{audience}'). " +
                "Token exchange works only while handling an authenticated request, or with an ISubjectTokenSource that supplies one.");
}
