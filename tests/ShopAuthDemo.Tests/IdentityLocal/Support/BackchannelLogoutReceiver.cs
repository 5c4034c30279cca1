using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ShopAuthDemo.Tests.IdentityLocal.Support;

/// <summary>A real HTTP listener on loopback standing in for the web apps' back-channel logout endpoints.</summary>
public sealed class BackchannelLogoutReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentQueue<(string Path, string LogoutToken)> Received { get; } = new();
    public string BaseUrl { get; }

    private BackchannelLogoutReceiver(WebApplication app, string baseUrl) => (_app, BaseUrl) = (app, baseUrl);

    public static async Task<BackchannelLogoutReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        BackchannelLogoutReceiver? receiver = null;
        app.MapPost("/{client}/backchannel-logout", async (HttpContext context, string client) =>
        {
            var form = await context.Request.ReadFormAsync();
            receiver!.Received.Enqueue(("/" + client, form["logout_token"].ToString()));
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver = new BackchannelLogoutReceiver(app, address);
        return receiver;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
