using Microsoft.AspNetCore.Http;
using ShopAuthDemo.ServiceDefaults.MutualTls;
using ShopAuthDemo.Tests.MutualTls.Support;
using Xunit;

namespace ShopAuthDemo.Tests.MutualTls;

// A certificate names a service by its one DNS name; a request's peer is what its connection's certificate names.
public sealed class ServiceIdentityTests : IDisposable
{
    private readonly TestCertificates certificates = new();

    [Fact]
    public void Certificate_names_the_service_of_its_one_DNS_name()
    {
        using var orders = certificates.For("orders-api");

        Assert.Equal("orders-api", ServiceIdentity.NameOf(orders));
    }

    [Fact]
    public void Certificate_with_two_DNS_names_names_no_service()
    {
        using var twoNames = certificates.Naming("orders-api", "payments-api");

        Assert.Null(ServiceIdentity.NameOf(twoNames));
    }

    [Fact]
    public void Certificate_without_DNS_name_names_no_service_not_even_by_its_common_name()
    {
        // The CA: CN set, no subject alternative name.
        Assert.Null(ServiceIdentity.NameOf(certificates.Authority));
    }

    [Fact]
    public void Peer_service_is_the_one_the_connections_client_certificate_names()
    {
        using var gateway = certificates.For("gateway");
        var request = new DefaultHttpContext();
        request.Connection.ClientCertificate = gateway;

        Assert.Equal("gateway", request.PeerService());
    }

    [Fact]
    public void Connection_without_client_certificate_has_no_peer_service()
    {
        Assert.Null(new DefaultHttpContext().PeerService());
    }

    public void Dispose() => certificates.Dispose();
}
