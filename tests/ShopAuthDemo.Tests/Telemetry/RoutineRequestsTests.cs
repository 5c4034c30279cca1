using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Instrumentation.Http;
using Xunit;

namespace ShopAuthDemo.Tests.Telemetry;

/// <summary>
/// The dashboard shows what people did (an order, hop by hop), not the requests that happen by themselves: health
/// probes, identity-provider metadata, access-rule polls. Asked of the filters every service's tracing really uses.
/// </summary>
public sealed class RoutineRequestsTests : IDisposable
{
    private readonly IHost _service;

    public RoutineRequestsTests()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.ConfigureOpenTelemetry();
        _service = builder.Build();
    }

    public void Dispose() => _service.Dispose();

    private bool TracedAtTheService(string method, string path, bool revalidation = false)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        if (revalidation) context.Request.Headers.IfNoneMatch = "\"7\"";
        return _service.Services.GetRequiredService<IOptionsMonitor<AspNetCoreTraceInstrumentationOptions>>()
            .Get(Options.DefaultName).Filter!(context);
    }

    private bool TracedAtTheCaller(string method, string url, bool revalidation = false)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (revalidation) request.Headers.IfNoneMatch.Add(new("\"7\""));
        return _service.Services.GetRequiredService<IOptionsMonitor<HttpClientTraceInstrumentationOptions>>()
            .Get(Options.DefaultName).FilterHttpRequestMessage!(request);
    }

    [Theory]
    [InlineData("GET", "/health")]
    [InlineData("GET", "/alive")]
    [InlineData("GET", "/realms/shop/.well-known/openid-configuration")]
    [InlineData("GET", "/realms/shop/protocol/openid-connect/certs")]
    public void Health_probes_and_identity_provider_metadata_start_no_trace(string method, string path)
    {
        Assert.False(TracedAtTheService(method, path));
        Assert.False(TracedAtTheCaller(method, "https://identity" + path));
    }

    [Fact]
    public void A_poll_for_changed_access_rules_starts_no_trace_but_their_first_load_does()
    {
        Assert.False(TracedAtTheService("GET", "/api/rules", revalidation: true));
        Assert.False(TracedAtTheCaller("GET", "https://policy-api/api/rules", revalidation: true));
        Assert.True(TracedAtTheCaller("GET", "https://policy-api/api/rules"));
    }

    [Theory]
    [InlineData("POST", "/api/orders")]
    [InlineData("GET", "/partner/orders/ready-to-ship")]
    [InlineData("POST", "/realms/shop/protocol/openid-connect/token")]
    [InlineData("PUT", "/api/rules/3")]
    [InlineData("GET", "/healthy-products")]
    // A path a caller chooses does not escape tracing by containing a metadata path's words.
    [InlineData("GET", "/catalog/products/x/.well-known/openid-configuration")]
    [InlineData("GET", "/orders/protocol/openid-connect/certs")]
    [InlineData("POST", "/health")]
    public void Requests_someone_made_are_traced(string method, string path)
    {
        Assert.True(TracedAtTheService(method, path));
        Assert.True(TracedAtTheCaller(method, "https://service" + path));
    }

    [Fact]
    public void Signing_keys_fetched_while_an_order_is_checked_stay_in_the_orders_trace()
    {
        // The request's own activity, continuing the caller's trace (as the instrumentation sees it).
        using var order = new Activity("POST /api/orders");
        order.SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        order.Start();

        Assert.True(TracedAtTheCaller("GET", "https://identity/realms/shop/protocol/openid-connect/certs"));
        Assert.True(TracedAtTheService("GET", "/realms/shop/protocol/openid-connect/certs"));
    }
}
