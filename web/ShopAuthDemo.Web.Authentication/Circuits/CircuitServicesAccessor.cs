namespace ShopAuthDemo.Web.Authentication.Circuits;

/// <summary>
/// The services of the Blazor circuit whose event is being handled right now. HttpClient message handlers
/// live in their own DI scope, so without this they could not see the circuit's signed-in user.
/// </summary>
/// <remarks>The pattern from the ASP.NET Core docs, "Access server-side Blazor services from a different DI scope".</remarks>
public sealed class CircuitServicesAccessor
{
    private static readonly AsyncLocal<IServiceProvider?> Current = new();

    public IServiceProvider? Services
    {
        get => Current.Value;
        set => Current.Value = value;
    }
}
