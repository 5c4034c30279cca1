using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.Catalog.Api.Infrastructure;
using ShopAuthDemo.Payments.Api.Infrastructure;
using ShopAuthDemo.Tests.Support;

namespace ShopAuthDemo.Tests.MutualTls.Support;

/// <summary>
/// One internal API in-process with mutual TLS on, its certificate and CA from <see cref="Certificates"/>, and
/// each request's client certificate chosen by the test (<see cref="ClientCertificateOverTestServer"/>).
/// </summary>
public abstract class ApiWithMutualTls<TContext> : IAsyncDisposable where TContext : DbContext
{
    protected ApiWithMutualTls(Func<Action<IServiceCollection>, ApiHost<TContext>> createHost, string service)
    {
        Api = createHost(ClientCertificateOverTestServer.PlayTheHandshake);
        foreach (var (key, value) in Certificates.HostSettingsFor(service)) Api.Factory.Settings[key] = value;
    }

    public TestCertificates Certificates { get; } = new();

    public ApiHost<TContext> Api { get; }

    /// <summary>Requests over the https port, where the API listens; with no certificate when <paramref name="certificate"/> is null.</summary>
    public HttpClient Https(X509Certificate2? certificate = null)
    {
        var client = Api.Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new("https://localhost") });
        return certificate is null ? client : client.Presenting(certificate);
    }

    /// <summary>Requests over the plain http port, kept for the AppHost's health probe.</summary>
    public HttpClient PlainHttp() => Api.Factory.CreateClient();

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await Api.DisposeAsync();
        Certificates.Dispose();
    }
}

public sealed class PaymentsApiWithMutualTls() : ApiWithMutualTls<PaymentsContext>(PaymentsApiHost.WithServices, "payments-api");

public sealed class CatalogApiWithMutualTls() : ApiWithMutualTls<CatalogContext>(CatalogApiHost.WithServices, "catalog-api");
