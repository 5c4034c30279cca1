using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Hybrid;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// How a token is written to Redis: encrypted and signed with this service's data-protection key ring, which only
// its own replicas use (one ring per application name), so another service's code cannot read it through its own
// data protection. The ring itself is in the same Redis, unencrypted: this protects a copy of the cached values
// (a backup, a MONITOR dump), not against whoever holds the Redis password. Production: protect the keys at rest
// (ProtectKeysWithCertificate or a KMS) and give each app a Redis ACL user limited to its own keys.
public sealed class ProtectedAccessTokenSerializer(IDataProtectionProvider dataProtection) : IHybridCacheSerializer<CachedAccessToken>
{
    public const string Purpose = "ShopAuthDemo.TokenManagement.AccessTokens";

    // HybridCache hands a failed read on to the caller as an exception; an entry already due for renewal instead
    // makes AccessTokenCache remove it and fetch a token, as it does for any stale entry.
    private static readonly CachedAccessToken Unreadable = new(string.Empty, DateTimeOffset.MinValue);

    private readonly IDataProtector protector = dataProtection.CreateProtector(Purpose);

    public void Serialize(CachedAccessToken value, IBufferWriter<byte> target) =>
        target.Write(protector.Protect(JsonSerializer.SerializeToUtf8Bytes(value)));

    // Bytes another key ring protected, or anyone altered, are unreadable.
    public CachedAccessToken Deserialize(ReadOnlySequence<byte> source)
    {
        try
        {
            return JsonSerializer.Deserialize<CachedAccessToken>(protector.Unprotect(source.ToArray())) ?? Unreadable;
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException)
        {
            return Unreadable;
        }
    }
}
