using System.Security.Cryptography;
using System.Text;

namespace ShopAuthDemo.Identity.Local.Realm;

/// <summary>
/// Ids for what the file leaves without one. Keycloak generates random UUIDs on import; stable ones keep
/// <c>sub</c> and the admin API's ids the same across restarts of the stand-in.
/// </summary>
internal static class StableIds
{
    public static string For(string realm, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{realm}/{name}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}
