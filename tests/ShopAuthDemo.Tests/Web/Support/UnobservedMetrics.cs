using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.ServiceDefaults.TokenManagement;

namespace ShopAuthDemo.Tests.Web.Support;

/// <summary>The token-request counters a web app's token client needs, in tests that do not read them.</summary>
public static class UnobservedMetrics
{
    public static TokenManagementMetrics TokenRequests() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());
}
