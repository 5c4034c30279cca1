using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.ServiceDefaults.ErrorHandling;

namespace Microsoft.Extensions.Hosting;

public static class ProblemDetailsExtensions
{
    // Every error an API returns is RFC 9457 problem details; none carries a stack trace.
    public static TBuilder AddApiProblemDetails<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        // One path for bad input in every environment (the default throws only in Development).
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    public static WebApplication UseApiProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Gives bodiless 401/403/404 responses a problem details body too.
        app.UseStatusCodePages();
        return app;
    }
}
