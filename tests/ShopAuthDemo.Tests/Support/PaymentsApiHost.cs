using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Payments.Api.Infrastructure;

namespace ShopAuthDemo.Tests.Support;

public sealed class PaymentsApiHost : ApiHost<PaymentsContext>
{
    public PaymentsApiHost() : this(null)
    {
    }

    // Private: xunit requires a class fixture to have a single public constructor.
    private PaymentsApiHost(Action<IServiceCollection>? configureServices)
        : base((tokens, database) => new PaymentsApiFactory(tokens, database), configureServices)
    {
    }

    public static PaymentsApiHost WithServices(Action<IServiceCollection> configureServices) => new(configureServices);
}
