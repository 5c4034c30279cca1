using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.MutualTls;

// A service deployed without its certificate stops at start-up, naming the setting; it never serves plain http.
public sealed class MissingCertificateStartupTests
{
    [Fact]
    public async Task Internal_service_with_mutual_tls_on_and_no_certificate_does_not_start()
    {
        await using var payments = new PaymentsApiHost();
        payments.Factory.Settings["MutualTls:Enabled"] = "true";

        var failure = Assert.ThrowsAny<Exception>(() => payments.Anonymous());

        Assert.Contains("Configuration missing value for: MutualTls:CertificateAuthority", failure.ToString());
    }
}
