using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Authentication;

// The shared JWT set-up's settings: the validated-token cache (on by default, one setting switches it off,
// its limits are checked at start-up) and how the signing keys are refreshed.
public sealed class JwtBearerSetupTests
{
    [Fact]
    public void The_shared_jwt_setup_caches_validated_tokens_by_default()
    {
        var handler = Assert.Single(JwtHandlersOf([]));

        var caching = Assert.IsType<CachingJsonWebTokenHandler>(handler);
        Assert.False(caching.MapInboundClaims);
    }

    [Fact]
    public void Configuration_can_switch_the_cache_off()
    {
        var handler = Assert.Single(JwtHandlersOf(new() { ["Identity:TokenCache:Enabled"] = "false" }));

        Assert.IsType<JsonWebTokenHandler>(handler, exactMatch: true);
    }

    [Fact]
    public void Keys_withdrawn_by_the_identity_provider_are_not_honoured_from_a_last_known_good_copy()
    {
        var discovery = Assert.IsAssignableFrom<BaseConfigurationManager>(JwtBearerOptionsOf([]).ConfigurationManager);

        Assert.False(discovery.UseLastKnownGoodConfiguration);
    }

    [Fact]
    public void Signing_keys_are_refetched_at_most_every_5_seconds_and_reread_every_5_minutes()
    {
        var options = JwtBearerOptionsOf([]);

        Assert.Equal(TimeSpan.FromSeconds(5), options.RefreshInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), options.AutomaticRefreshInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), options.BackchannelTimeout);
        // Fetches stay off the request path (IdentityModel's blocking refresh would stall requests during an outage).
        Assert.False(AppContext.TryGetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", out var blocking) && blocking);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public void A_limit_on_requests_waiting_for_a_new_key_outside_1_to_1000_fails_at_start_up(string limit)
    {
        var failure = Assert.Throws<InvalidOperationException>(() =>
            JwtHandlersOf(new() { ["Identity:TokenCache:MaxWaitingForNewKey"] = limit }));

        Assert.Contains("Identity:TokenCache: MaxWaitingForNewKey must be between 1 and 1000", failure.Message);
    }

    private static IList<TokenHandler> JwtHandlersOf(Dictionary<string, string?> settings) => JwtBearerOptionsOf(settings).TokenHandlers;

    private static JwtBearerOptions JwtBearerOptionsOf(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Identity:Authority"] = "https://identity.test/realms/shop",
            ["Identity:Audience"] = "catalog-api",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddJwtBearerAuthentication();
        using var app = builder.Build();

        return app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>()
            .Get(JwtBearerDefaults.AuthenticationScheme);
    }
}
