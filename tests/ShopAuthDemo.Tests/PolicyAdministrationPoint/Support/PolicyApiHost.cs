using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.Policy.Api.Infrastructure;
using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.PolicyAdministrationPoint.Support;

/// <summary>
/// Policy.Api in-process: trusts a test token issuer, keeps its rules in a SQLite file of its own, and
/// its HTTP calls (policy-api's own token, the user directory) go to <see cref="FakeUserDirectory"/>.
/// </summary>
public sealed class PolicyApiHost : ApiHost<PolicyContext>
{
    public PolicyApiHost() : this(new FakeUserDirectory(), new CapturedLogs())
    {
    }

    // Private: xunit requires a class fixture to have a single public constructor.
    private PolicyApiHost(FakeUserDirectory directory, CapturedLogs logs)
        : base((tokens, database) => new ApiFactory<PolicyContext>(tokens, new()
        {
            ["Identity:Authority"] = TestTokenIssuer.Authority,
            ["Identity:Audience"] = "policy-api",
            ["Identity:ClientId"] = "policy-api",
            ["Identity:ClientSecret"] = FakeUserDirectory.PolicyApiSecret,
            ["ConnectionStrings:policydb"] = database.ConnectionString,
        })
        {
            TestDoubles = services =>
            {
                services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => directory));
                // The same retries as in production, without the seconds of back-off between them.
                services.ConfigureAll<HttpStandardResilienceOptions>(resilience => resilience.Retry.Delay = TimeSpan.Zero);
                services.AddSingleton<ILoggerProvider>(logs);
            },
        })
    {
        Directory = directory;
        Logs = logs;
    }

    public FakeUserDirectory Directory { get; }

    public CapturedLogs Logs { get; }
}
