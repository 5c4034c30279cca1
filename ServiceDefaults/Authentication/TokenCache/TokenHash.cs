using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace ShopAuthDemo.ServiceDefaults.Authentication.TokenCache;

/// <summary>The SHA-256 of a bearer token: the validated-token cache's key.</summary>
/// <remarks>
/// A hash, not the token: a heap dump of the cache hands out no usable tokens, every entry has the same
/// small size, and two different tokens cannot share an entry (that would need a SHA-256 collision).
/// Four longs rather than a byte array or a Base64 string: hashing allocates nothing on the request path.
/// </remarks>
public readonly record struct TokenHash(ulong Part1, ulong Part2, ulong Part3, ulong Part4)
{
    // Tokens up to this size are encoded on the stack; Keycloak's access tokens are about 1-2 KB.
    private const int StackLimit = 4096;

    public static TokenHash Of(string token)
    {
        var byteCount = Encoding.UTF8.GetByteCount(token);
        byte[]? rented = null;
        Span<byte> utf8 = byteCount <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(byteCount));
        try
        {
            var written = Encoding.UTF8.GetBytes(token, utf8);
            Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(utf8[..written], digest);
            return new(
                BinaryPrimitives.ReadUInt64LittleEndian(digest),
                BinaryPrimitives.ReadUInt64LittleEndian(digest[8..]),
                BinaryPrimitives.ReadUInt64LittleEndian(digest[16..]),
                BinaryPrimitives.ReadUInt64LittleEndian(digest[24..]));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    // Any 32 bits of a SHA-256 are uniformly spread; only validated tokens get in, so nobody can grind
    // tokens into one bucket.
    public override int GetHashCode() => (int)Part1;
}
