using ShopAuthDemo.ServiceDefaults.MutualTls;
using ShopAuthDemo.Tests.MutualTls.Support;
using Xunit;

namespace ShopAuthDemo.Tests.MutualTls;

// A service's own certificate comes from the PEM file the AppHost writes, and a renewed file is picked up
// without a restart (the AppHost renews day-long certificates while the services run).
public sealed class ServiceCertificateTests : IDisposable
{
    private readonly TestCertificates certificates = new();

    [Fact]
    public void Current_is_the_certificate_and_key_in_the_file()
    {
        using var issued = certificates.For("orders-api");
        var file = new ServiceCertificate(certificates.WritePem(issued, "orders-api.pem"));

        var current = file.Current;

        Assert.Equal(issued.Thumbprint, current.Thumbprint);
        Assert.True(current.HasPrivateKey);
        Assert.Equal("orders-api", file.Name);
    }

    [Fact]
    public void Renewed_file_is_read_at_the_next_use_without_a_restart()
    {
        using var first = certificates.For("orders-api");
        using var renewed = certificates.For("orders-api");
        var path = certificates.WritePem(first, "orders-api.pem");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddHours(-1));
        var file = new ServiceCertificate(path);
        Assert.Equal(first.Thumbprint, file.Current.Thumbprint);

        // As the AppHost renews: the whole new file moved over the old one.
        var next = certificates.WritePem(renewed, "orders-api.pem.renewed");
        File.SetLastWriteTimeUtc(next, DateTime.UtcNow);
        File.Move(next, path, overwrite: true);

        Assert.Equal(renewed.Thumbprint, file.Current.Thumbprint);
    }

    public void Dispose() => certificates.Dispose();
}
