using System.Security.Cryptography;
using System.Text;
using ShopAuthDemo.Identity.Local.Realm;

namespace ShopAuthDemo.Identity.Local.Login;

public static class PasswordCheck
{
    /// <summary>True when the user may sign in with this password.</summary>
    public static bool Matches(RealmUser user, string password)
    {
        if (!user.Enabled || user.Password is null) return false;
        // Compare digests in fixed time so response timing does not reveal how much of a guess was right.
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(user.Password));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
