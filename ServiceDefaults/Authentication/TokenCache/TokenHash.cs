using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;

/// <summary>A 128-bit hash of a bearer token: the validated-token cache's key.</summary>
/// <remarks>
/// XxHash128 rather than SHA-256: SHA-256 of a 1-2 KB token alone costs more than our whole 2 µs budget
/// for a cache hit. A non-cryptographic hash is safe here because the hash only finds the entry; the entry
/// is served only if its token is the very same string (<see cref="ValidatedTokenCache.TryGet"/>), so
/// even a collision could not hand one caller's principal to another. The per-process random seed keeps
/// anyone from predicting which tokens share a bucket.
/// </remarks>
public readonly record struct TokenHash(UInt128 Value)
{
    private static readonly long Seed = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(sizeof(long)));

    // The UTF-16 code units as they are: no encoding step, no allocation.
    public static TokenHash Of(string token) =>
        new(XxHash128.HashToUInt128(MemoryMarshal.AsBytes(token.AsSpan()), Seed));

    public override int GetHashCode() => (int)(ulong)Value;
}
