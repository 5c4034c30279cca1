using OpenIddict.Abstractions;
using OpenIddict.Server;
using ShopAuthDemo.Identity.Local.Endpoints;
using ShopAuthDemo.Identity.Local.Realm;
using ShopAuthDemo.Identity.Local.Seeding;
using ShopAuthDemo.Identity.Local.SigningKeys;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ShopAuthDemo.Identity.Local.Extensions;

/// <summary>OpenIddict configured to look like Keycloak's realm endpoints and token format.</summary>
internal static class OpenIddictServerSetup
{
    public static void AddOpenIddictServer(this IServiceCollection services, LocalRealm realm, Uri issuer)
    {
        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityLocalDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(issuer);
                server.SetConfigurationEndpointUris(Relative(realm.Paths.Discovery))
                      .SetAuthorizationEndpointUris(Relative(realm.Paths.Authorize))
                      .SetTokenEndpointUris(Relative(realm.Paths.Token))
                      .SetUserInfoEndpointUris(Relative(realm.Paths.UserInfo))
                      .SetEndSessionEndpointUris(Relative(realm.Paths.Logout))
                      .SetJsonWebKeySetEndpointUris(Relative(realm.Paths.Certs))
                      .SetRevocationEndpointUris(Relative(realm.Paths.Revoke))
                      .SetIntrospectionEndpointUris(Relative(realm.Paths.Introspect));

                server.AllowAuthorizationCodeFlow()
                      .AllowRefreshTokenFlow()
                      .AllowClientCredentialsFlow()
                      .AllowTokenExchangeFlow()
                      .RequireProofKeyForCodeExchange();
                // Only S256: "plain" PKCE protects nothing if the authorization request leaks.
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));

                server.RegisterScopes([Scopes.OpenId, .. realm.Scopes.Select(s => s.Name)]);
                server.RegisterAudiences([.. realm.Clients.Select(c => c.ClientId)]);

                server.SetAccessTokenLifetime(realm.Settings.AccessTokenLifespan)
                      .SetIssuedTokenLifetime(realm.Settings.AccessTokenLifespan)
                      .SetRefreshTokenLifetime(realm.Settings.SsoSessionIdleTimeout)
                      .SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(1))
                      // revokeRefreshToken with maxReuse 0: a refresh token works once.
                      .SetRefreshTokenReuseLeeway(TimeSpan.Zero);

                // Keycloak issues RS256 JWT access tokens that any API can read. Its signing keys rotate, as
                // Keycloak's do (SigningKeys/); the encryption key of OpenIddict's own codes and refresh tokens
                // lives as long as the process.
                server.AddEphemeralEncryptionKey()
                      .UseSigningKeyRing()
                      .DisableAccessTokenEncryption();

                server.AddEventHandler<ProcessSignInContext>(handler => handler
                    .UseInlineHandler(IssueRefreshTokensLikeKeycloak)
                    .SetOrder(OpenIddictServerHandlers.EvaluateGeneratedTokens.Descriptor.Order + 1));

                server.UseAspNetCore()
                      .EnableAuthorizationEndpointPassthrough()
                      .EnableTokenEndpointPassthrough()
                      .EnableUserInfoEndpointPassthrough()
                      .EnableEndSessionEndpointPassthrough()
                      .EnableStatusCodePagesIntegration()
                      // Development only (enforced at start-up): the dev machine serves plain http.
                      .DisableTransportSecurityRequirement();
            });
    }

    // Keycloak returns a refresh token with every code or refresh grant, without needing offline_access.
    private static ValueTask IssueRefreshTokensLikeKeycloak(ProcessSignInContext context)
    {
        if (context.Request?.IsAuthorizationCodeGrantType() is true || context.Request?.IsRefreshTokenGrantType() is true)
        {
            context.GenerateRefreshToken = true;
            context.IncludeRefreshToken = true;
        }
        return ValueTask.CompletedTask;
    }

    private static string Relative(string path) => path.TrimStart('/');
}
