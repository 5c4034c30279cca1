using ShopAuthDemo.AppHost.Gateway;
using ShopAuthDemo.AppHost.Identity;
using ShopAuthDemo.AppHost.Telemetry;
using ShopAuthDemo.AppHost.WebApps;

var builder = DistributedApplication.CreateBuilder(args);

// Keycloak when a container runtime answers, otherwise the local stand-in; see Identity/.
var identityProvider = builder.AddIdentityProvider();

var catalog = builder.AddProject<Projects.Catalog_Api>("catalog-api")
    .WithIdentityProvider(identityProvider, audience: "catalog-api")
    .WithHttpHealthCheck("/health");

var payments = builder.AddProject<Projects.Payments_Api>("payments-api")
    .WithIdentityProvider(identityProvider, audience: "payments-api")
    .WithHttpHealthCheck("/health");

// orders-api is also an OAuth client: client credentials to the catalog, token exchange to payments.
var orders = builder.AddProject<Projects.Orders_Api>("orders-api")
    .WithIdentityProvider(identityProvider, audience: "orders-api")
    .WithClientCredentials(identityProvider, clientId: "orders-api", identityProvider.Realm.OrdersApiClientSecret)
    .WithReference(catalog).WaitFor(catalog)
    .WithReference(payments).WaitFor(payments)
    .WithHttpHealthCheck("/health");

// External callers come in through the gateway; ACME Logistics ships paid orders through it. See Gateway/.
builder.AddGatewayAndPartner(identityProvider, catalog, orders);

// The shop and the back office: two OIDC clients of one identity provider (SSO, single logout). See WebApps/.
builder.AddWebApps(identityProvider, catalog, orders);

// Codes and ID tokens travel in some URLs' query strings: keep them out of the dashboard's traces. See Telemetry/.
builder.KeepUrlQueriesOutOfTelemetry();

builder.Build().Run();
