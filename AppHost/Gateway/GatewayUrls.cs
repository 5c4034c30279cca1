namespace ShopAuthDemo.AppHost.Gateway;

// A fixed port, like the web apps': external callers (curl, the .http file, a partner) are told this
// address, and the API explorer's sign-in redirect URI is registered in the realm under it.
public static class GatewayUrls
{
    public const int GatewayPort = 7300;

    /// <summary>How a caller on this machine (and its browser) reaches the gateway.</summary>
    public static string Gateway(string host = "localhost") => $"http://{host}:{GatewayPort}";
}
