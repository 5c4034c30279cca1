using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ShopAuthDemo.ServiceDefaults.SharedState;
using ShopAuthDemo.Tests.Support;
using StackExchange.Redis;
using Xunit;

namespace ShopAuthDemo.Tests.SharedState;

/// <summary>
/// Scale-out: an app's data-protection keys lie in Redis encrypted with the app's own certificate
/// (DataProtection:Certificate), so whoever reads Redis' data gets no key that could forge the app's cookies.
/// </summary>
public sealed class KeyRingCertificateTests : IAsyncDisposable
{
    private readonly string _app = RedisServer.UniqueName("KeyRing.App");
    private readonly string _certificate = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.pem");
    private readonly List<IHost> _hosts = [];

    public KeyRingCertificateTests()
    {
        using var key = RSA.Create(2048);
        using var certificate = new CertificateRequest("CN=key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(_certificate, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
    }

    private IDataProtector Replica(string? certificate)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = _app, DisableDefaults = true });
        builder.Configuration["ConnectionStrings:redis"] = RedisServer.Require();
        builder.Configuration[KeyRingCertificate.ConfigurationKey] = certificate;
        builder.AddSharedState();
        var host = builder.Build();
        _hosts.Add(host);
        return host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
    }

    [Fact]
    public async Task The_key_ring_in_Redis_is_encrypted_and_another_replica_with_the_certificate_reads_it()
    {
        var protectedByFirst = Replica(_certificate).Protect("a cookie");

        await using var redis = await ConnectionMultiplexer.ConnectAsync(RedisServer.Require());
        var stored = string.Concat(await redis.GetDatabase().ListRangeAsync($"{SharedStateSettings.KeyPrefix(_app)}data-protection"));
        Assert.Contains("EncryptedData", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", stored, StringComparison.Ordinal);
        Assert.Equal("a cookie", Replica(_certificate).Unprotect(protectedByFirst));
    }

    [Fact]
    public void Without_the_certificate_a_replica_cannot_read_the_keys_so_cannot_read_the_cookies()
    {
        var protectedByFirst = Replica(_certificate).Protect("a cookie");

        Assert.ThrowsAny<CryptographicException>(() => Replica(certificate: null).Unprotect(protectedByFirst));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts) host.Dispose();
        File.Delete(_certificate);
        await RedisServer.DeleteKeysAsync($"{SharedStateSettings.KeyPrefix(_app)}*");
    }
}
