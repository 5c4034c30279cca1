using ShopAuthDemo.AppHost.Federation;
using ShopAuthDemo.AppHost.Gateway;
using ShopAuthDemo.AppHost.Identity;
using ShopAuthDemo.AppHost.MutualTls;
using ShopAuthDemo.AppHost.Storage;
using ShopAuthDemo.AppHost.Telemetry;
using ShopAuthDemo.AppHost.WebApps;

var builder = DistributedApplication.CreateBuilder(args);

// SQLite files and in-process state (one replica each), or PostgreSQL and Redis shared by two replicas of every
// API and web app: containers when a runtime answers, or servers named by connection strings. See Storage/.
var storage = builder.AddStorage();

// Keycloak when a container runtime answers, otherwise the local stand-in; see Identity/.
var identityProvider = builder.AddIdentityProvider(storage);

// Northwind Traders' people sign in with their company's own identity provider, brokered by realm shop. See Federation/.
builder.AddNorthwindFederation(identityProvider);

// Mutual TLS on every internal hop: a development CA gives each service a certificate naming it. See MutualTls/.
var certificates = builder.AddServiceCertificates();

// The Policy Administration Point: the access rules admins change in the back office. Every service that
// decides with them (the PDP) fetches them as itself. See services/Policy.Api.
var policy = builder.AddProject<Projects.Policy_Api>("policy-api")
    .WithIdentityProvider(identityProvider, audience: "policy-api")
    .WithClientCredentials(identityProvider, clientId: "policy-api", identityProvider.Realm.PolicyApiClientSecret)
    .WithDatabase(storage, "policydb").WithSharedState(storage)
    .WithMutualTls(certificates);

// catalog-api is also a client (client credentials) for one thing: reading the access rules.
var catalog = builder.AddProject<Projects.Catalog_Api>("catalog-api")
    .WithIdentityProvider(identityProvider, audience: "catalog-api")
    .WithClientCredentials(identityProvider, clientId: "catalog-api", identityProvider.Realm.CatalogApiClientSecret)
    .WithReference(policy).WaitFor(policy)
    .WithDatabase(storage, "catalogdb").WithSharedState(storage)
    .WithMutualTls(certificates);

var payments = builder.AddProject<Projects.Payments_Api>("payments-api")
    .WithIdentityProvider(identityProvider, audience: "payments-api")
    .WithDatabase(storage, "paymentsdb").WithSharedState(storage)
    .WithMutualTls(certificates);

// orders-api is also an OAuth client: client credentials to the catalog and policy-api, token exchange to payments.
var orders = builder.AddProject<Projects.Orders_Api>("orders-api")
    .WithIdentityProvider(identityProvider, audience: "orders-api")
    .WithClientCredentials(identityProvider, clientId: "orders-api", identityProvider.Realm.OrdersApiClientSecret)
    .WithReference(catalog).WaitFor(catalog)
    .WithReference(payments).WaitFor(payments)
    .WithReference(policy).WaitFor(policy)
    .WithDatabase(storage, "ordersdb").WithSharedState(storage)
    .WithMutualTls(certificates);

// External callers come in through the gateway; ACME Logistics ships paid orders through it. See Gateway/.
builder.AddGatewayAndPartner(identityProvider, certificates, storage, catalog, orders);

// The shop and the back office (with the Access rules page): two OIDC clients of one identity provider (SSO, single logout). See WebApps/.
builder.AddWebApps(identityProvider, certificates, storage, catalog, orders, policy);

// Codes and ID tokens travel in some URLs' query strings: keep them out of the dashboard's traces. See Telemetry/.
builder.KeepUrlQueriesOutOfTelemetry();

// The shop's order confirmation links the order's trace on the dashboard. See Telemetry/.
builder.LinkOrdersToTheirTraces();

builder.Build().Run();
