using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ShopAuthDemo.Testing.AppHost;

/// <summary>The real AppHost, started once with the given identity provider and shared by the tests.</summary>
public abstract class AppHostFixture(string identityProvider, string identityProviderResource) : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromMinutes(3);

    private DistributedApplication? _app;

    // Fresh databases for each run: what a test counts (orders stored, paid, shipped oldest first by the
    // partner) and the access rules it starts from (as seeded) must not depend on what earlier runs or a
    // developer's clicking left in the services' files.
    private readonly string _databases = Directory.CreateTempSubdirectory("shopauthdemo-apphost-").FullName;

    /// <summary>Why this AppHost was not started, when it could not be on this machine.</summary>
    public string? SkipReason { get; protected set; }

    public string IdentityProviderResource { get; } = identityProviderResource;

    public TimeSpan TimeToAllHealthy { get; private set; }

    /// <summary>Identity.Local's log from the start (null with Keycloak, which does not log each token it issues).</summary>
    public ResourceLog? IdentityProviderLog { get; private set; }

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost was not started.");

    public IReadOnlyList<IResource> Resources =>
        App.Services.GetRequiredService<DistributedApplicationModel>().Resources.ToList();

    /// <summary>Projects and containers: the resources that run (parameters only hold values).</summary>
    /// <remarks>Not every compute resource: Aspire's hidden "-rebuilder" helpers run only on demand.</remarks>
    public IEnumerable<IResource> RunningResources =>
        Resources.Where(resource => resource is ProjectResource or ContainerResource).ToList();

    public virtual async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartupTimeout);
        var clock = Stopwatch.StartNew();

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [$"Identity:Provider={identityProvider}", $"Realm:WebAccessTokenLifespan={WebTokenLifespan.TotalSeconds:0}", .. StorageArguments],
            timeout.Token);
        WithoutTelemetryExport(builder);
        if (StorageArguments.Contains("Storage:Mode=embedded")) WithFreshDatabases(builder);
        Configure(builder);
        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        if (IdentityProviderResource == "identity-local") IdentityProviderLog = new ResourceLog(_app, IdentityProviderResource);

        try
        {
            await Task.WhenAll(RunningResources.Select(resource => _app.ResourceNotifications
                .WaitForResourceHealthyAsync(resource.Name, WaitBehavior.StopOnResourceUnavailable, timeout.Token)));
        }
        catch (Exception exception) when (exception is OperationCanceledException or DistributedApplicationException)
        {
            throw new TimeoutException(
                $"Not every resource became healthy within {StartupTimeout.TotalMinutes} minutes: {DescribeStates()}", exception);
        }

        TimeToAllHealthy = clock.Elapsed;
    }

    /// <summary>
    /// Storage:Mode and what it needs. Embedded unless a suite says otherwise, also on a machine where a container
    /// runtime answers: these suites test one replica of each service on SQLite files.
    /// </summary>
    protected virtual IEnumerable<string> StorageArguments => ["Storage:Mode=embedded"];

    /// <summary>
    /// How long the web apps' access tokens live in this run: short, so the browser tests see them renewed
    /// (the realm's default is 300 s). Other clients' tokens keep their own lifetime.
    /// </summary>
    public static readonly TimeSpan WebAccessTokenLifespan = TimeSpan.FromSeconds(20);

    /// <summary>The web apps' access token lifetime this fixture asks for.</summary>
    protected virtual TimeSpan WebTokenLifespan => WebAccessTokenLifespan;

    // Tests run without the dashboard, so nothing receives telemetry. Left pointed at the absent collector,
    // each service's exporter spends about 10 s retrying when it stops: longer than Aspire's stop command
    // waits. With no endpoint, ServiceDefaults adds no exporter; traces still flow (trace ids in the logs).
    private static void WithoutTelemetryExport(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project).WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", "");
        }
    }

    private void WithFreshDatabases(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var (resource, database) in new[] { ("catalog-api", "catalogdb"), ("orders-api", "ordersdb"), ("payments-api", "paymentsdb"), ("policy-api", "policydb") })
        {
            var project = builder.Resources.OfType<ProjectResource>().Single(project => project.Name == resource);
            builder.CreateResourceBuilder(project)
                .WithEnvironment($"ConnectionStrings__{database}", $"Data Source={Path.Combine(_databases, database + ".db")}");
        }
    }

    /// <summary>Changes to the app model before it starts.</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder)
    {
    }

    /// <summary>
    /// A client of a resource as tests call it: the internal services over mutual TLS, as the service that
    /// calls them in the app (<see cref="UsualCaller"/>); the browser-facing ones over plain http.
    /// </summary>
    public HttpClient CreateHttpClient(string resourceName, bool allowAutoRedirect = true) =>
        UsualCaller(resourceName) is { } caller
            ? ServiceCallers.Create(resourceName, ServiceCallers.CertificateOf(caller), allowAutoRedirect)
            : new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = allowAutoRedirect })
            {
                BaseAddress = App.GetEndpoint(resourceName, "http"),
            };

    public ServiceCallers ServiceCallers => field ??= new(App);

    /// <summary>Which service calls an internal one in the app (null: not internal, no certificate needed).</summary>
    public static string? UsualCaller(string resourceName) => resourceName switch
    {
        "catalog-api" or "orders-api" => "shop-web",
        "payments-api" => "orders-api",
        "policy-api" => "backoffice-web",
        _ => null,
    };

    public HttpClient CreateIdentityProviderClient() => CreateHttpClient(IdentityProviderResource);

    /// <summary>Where realm northwind lives: inside Keycloak next to realm shop, or its own local stand-in.</summary>
    public string NorthwindResource => IdentityProviderResource == "keycloak" ? "keycloak" : "northwind-identity";

    /// <summary>A parameter's value as the AppHost resolved it (generated secrets included), never a copy in the test.</summary>
    public async Task<string> GetParameterValueAsync(string name, CancellationToken cancellationToken)
    {
        var parameter = Resources.OfType<ParameterResource>().Single(p => p.Name == name);
        return await parameter.GetValueAsync(cancellationToken)
            ?? throw new InvalidOperationException($"Parameter '{name}' has no value.");
    }

    public string DescribeStates() => string.Join(", ", RunningResources.Select(resource =>
        App.ResourceNotifications.TryGetCurrentState(resource.Name, out var state)
            ? $"{resource.Name}={state.Snapshot.State?.Text}/{state.Snapshot.HealthStatus}"
            : $"{resource.Name}=unknown"));

    public virtual async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (IdentityProviderLog is not null) await IdentityProviderLog.DisposeAsync();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        Directory.Delete(_databases, recursive: true);
    }
}
