using Microsoft.Extensions.Configuration;

namespace ShopAuthDemo.ServiceDefaults.Policies;

// "AccessRules": { "RefreshInterval": "00:00:02", "InitialLoadTimeout": "00:00:10", "UserInfoLifetime": "00:05:00" }
public sealed record AccessRulesOptions
{
    public const string SectionName = "AccessRules";

    /// <summary>How often policy-api is asked for a newer version. A rule change must be in force within 10 s.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long start-up waits for the first rules before serving (refusing governed actions) without them.</summary>
    public TimeSpan InitialLoadTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a user's userinfo answer (the country) is used: a user who moves is seen in the new country
    /// within this time; a burst of orders costs one userinfo call per user.
    /// </summary>
    public TimeSpan UserInfoLifetime { get; init; } = TimeSpan.FromMinutes(5);

    public static AccessRulesOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<AccessRulesOptions>() ?? new AccessRulesOptions();
        // Two polls that fail in a row must still leave the 10 s promise intact.
        if (options.RefreshInterval <= TimeSpan.Zero || options.RefreshInterval > TimeSpan.FromSeconds(5))
            throw new InvalidOperationException($"{SectionName}:RefreshInterval must be between 0 and 5 seconds (got {options.RefreshInterval}).");
        if (options.InitialLoadTimeout < TimeSpan.Zero || options.InitialLoadTimeout > TimeSpan.FromMinutes(1))
            throw new InvalidOperationException($"{SectionName}:InitialLoadTimeout must be between 0 and 1 minute (got {options.InitialLoadTimeout}).");
        if (options.UserInfoLifetime <= TimeSpan.Zero || options.UserInfoLifetime > TimeSpan.FromHours(1))
            throw new InvalidOperationException($"{SectionName}:UserInfoLifetime must be between 0 and 1 hour (got {options.UserInfoLifetime}).");
        return options;
    }
}
