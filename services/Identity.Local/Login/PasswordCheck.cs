using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using ShopAuthDemo.Identity.Local.Realm;

namespace ShopAuthDemo.Identity.Local.Login;

public static class PasswordCheck
{
    // Random, so no typed password can ever match it.
    private static readonly string NoPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>True when the user may sign in with this password; false for no user.</summary>
    public static bool Matches([NotNullWhen(true)] RealmUser? user, string password)
    {
        // The same work for every attempt: a name that matches no user (or a disabled one) must not answer
        // faster, or response timing tells an attacker which usernames exist.
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(user?.Password ?? NoPassword));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        // Fixed-time comparison, so timing does not reveal how much of a guess was right.
        var same = CryptographicOperations.FixedTimeEquals(expected, actual);
        return same && user is { Enabled: true, Password: not null };
    }
}
