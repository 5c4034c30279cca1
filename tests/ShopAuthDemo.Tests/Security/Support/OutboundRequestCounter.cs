using System.Net;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;

namespace ShopAuthDemo.Tests.Security.Support;

/// <summary>
/// Stands in for the network: every HttpClient a service builds (and the JWT bearer back-channel) sends
/// here, so a test can prove a hostile header such as <c>jku</c> made the service fetch nothing.
/// </summary>
public sealed class OutboundRequestCounter : HttpMessageHandler
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void WatchOutboundCallsOf(IServiceCollection services)
    {
        services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => this));
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme,
            options => options.Backchannel = new HttpClient(this, disposeHandler: false));
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref count);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
