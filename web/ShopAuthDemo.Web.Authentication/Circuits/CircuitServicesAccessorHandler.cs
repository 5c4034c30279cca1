using Microsoft.AspNetCore.Components.Server.Circuits;

namespace ShopAuthDemo.Web.Authentication.Circuits;

/// <summary>Sets <see cref="CircuitServicesAccessor"/> around every inbound activity of a circuit (events, JS calls, start).</summary>
internal sealed class CircuitServicesAccessorHandler(IServiceProvider services, CircuitServicesAccessor accessor) : CircuitHandler
{
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            accessor.Services = services;
            await next(context);
            accessor.Services = null;
        };
}
