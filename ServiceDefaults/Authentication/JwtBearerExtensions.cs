using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.ServiceDefaults.Authentication;
using ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;

namespace Microsoft.Extensions.Hosting;

public static class JwtBearerExtensions
{
    // Every API validates Keycloak access tokens the same way; the rules live here, once.
    public static TBuilder AddJwtBearerAuthentication<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        var identity = IdentityProviderSettings.From(builder.Configuration);
        var isDevelopment = builder.Environment.IsDevelopment();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.Authority = identity.Authority;
                // Plain-http discovery would let anyone on the path swap the signing keys.
                options.RequireHttpsMetadata = !isDevelopment;
                // An unknown kid fetches the keys again, at most once per interval, and the validated-token cache
                // makes requests with an unknown kid wait for that next fetch (TokenCache/NewSigningKeyWait.cs;
                // at most 100 at once, and none whose kid a fetch made after its token was issued already lacked).
                // The interval is what forged kids can cost the identity provider (one discovery + JWKS fetch per
                // 5 s per instance, however many arrive) and the longest a genuine new key can be delayed by a
                // forged kid just before it. The 5-minute default would make that delay 5 minutes.
                options.RefreshInterval = TimeSpan.FromSeconds(5);
                // Re-read the keys every 5 minutes (default 12 h) even without an unknown kid, so a key the
                // identity provider withdraws stops being accepted within minutes. In the background: requests
                // keep the keys they have meanwhile, also while the identity provider is down.
                options.AutomaticRefreshInterval = TimeSpan.FromMinutes(5);
                // Waiting 60 s (the default) on an identity provider that is down helps nobody.
                options.BackchannelTimeout = TimeSpan.FromSeconds(10);
                // Keep "sub", "aud", "scope" as Keycloak named them instead of long WS-* URIs.
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = identity.Authority,
                    ValidateIssuer = true,
                    // A token minted for another API must not be replayable against this one.
                    // (Several only at the gateway, which fronts more than one API.)
                    ValidAudiences = identity.Audiences,
                    ValidateAudience = true,
                    // Pinning the algorithm stops "alg: none" and RSA/HMAC key-confusion tokens.
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    // Only the key the token names (kid) may verify it. An unknown kid then means "keys were
                    // rotated": the handler fetches the identity provider's keys again instead of guessing.
                    TryAllIssuerSigningKeys = false,
                    ValidateLifetime = true,
                    // The default 5 minutes would double the life of a 5-minute Keycloak token.
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = JwtClaimTypes.PreferredUsername,
                    RoleClaimType = KeycloakClaimTypes.Role,
                };
            });

        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            // After AddJwtBearer's own post-configure has built the discovery client. IdentityModel would
            // otherwise keep accepting, for up to an hour, tokens signed by a key the identity provider has
            // withdrawn (its "last known good" configuration). A withdrawn key may be a leaked key.
            if (options.ConfigurationManager is BaseConfigurationManager discovery)
            {
                discovery.UseLastKnownGoodConfiguration = false;
            }
        });
        builder.AddValidatedTokenCache(JwtBearerDefaults.AuthenticationScheme);
        builder.Services.AddTransient<IClaimsTransformation, KeycloakRoleClaimsTransformation>();
        builder.Services.AddAuthorization();

        return builder;
    }
}
