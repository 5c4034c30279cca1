namespace ShopAuthDemo.Identity.Local.Federation;

/// <summary>A brokered sign-in refused: <see cref="Exception.Message"/> is for the log, never shown; the page says what to do.</summary>
public sealed class BrokerSignInException(string reason, int status = StatusCodes.Status401Unauthorized) : Exception(reason)
{
    public int Status { get; } = status;
}
