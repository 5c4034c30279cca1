using ShopAuthDemo.AppHost.Identity;

var builder = DistributedApplication.CreateBuilder(args);

// Keycloak when a container runtime answers, otherwise the local stand-in; see Identity/.
var identityProvider = builder.AddIdentityProvider();

builder.AddProject<Projects.Catalog_Api>("catalog-api")
    .WithIdentityProvider(identityProvider, audience: "catalog-api")
    .WithHttpHealthCheck("/health");

builder.Build().Run();
