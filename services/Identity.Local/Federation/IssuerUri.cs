namespace ShopAuthDemo.Identity.Local.Federation;

/// <summary>This realm's issuer (Identity:Issuer): the browser's address of this server, the base of the broker's URLs.</summary>
public sealed record IssuerUri(Uri Value)
{
    /// <summary>An absolute URL on this server, for a path of this realm.</summary>
    public Uri For(string path) => new(Value, path);
}
