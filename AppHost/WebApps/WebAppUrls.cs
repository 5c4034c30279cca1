namespace ShopAuthDemo.AppHost.WebApps;

// Fixed ports, not ones allocated per run: the web apps' URLs are registered in the realm (redirect,
// post-logout and back-channel logout URIs), and Keycloak's data volume keeps the realm as it was first
// imported, so a URL that changed between runs would no longer be accepted by the sign-in server.
public static class WebAppUrls
{
    public const int ShopWebPort = 7100;
    public const int BackofficeWebPort = 7200;

    /// <summary>How the browser (and anything running on this machine) reaches the shop.</summary>
    public static string ShopWeb(string host = "localhost") => $"http://{host}:{ShopWebPort}";

    /// <summary>How the browser (and anything running on this machine) reaches the back office.</summary>
    public static string BackofficeWeb(string host = "localhost") => $"http://{host}:{BackofficeWebPort}";
}
