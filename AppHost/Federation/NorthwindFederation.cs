using ShopAuthDemo.AppHost.Identity;
using ShopAuthDemo.AppHost.Keycloak;

namespace ShopAuthDemo.AppHost.Federation;

/// <summary>
/// Northwind Traders, a business customer, signs its people in with its own identity provider (realm
/// <c>northwind</c>, Realms/northwind-realm.json). Realm <c>shop</c> brokers it: the shop's sign-in page offers
/// "Sign in with Northwind Traders", and every app and API behind realm shop still trusts one issuer, shop's.
/// The realm files say what is brokered and how; this file only tells each side where the other one is.
/// </summary>
public static class NorthwindFederation
{
    public const string RealmName = "northwind";
    public const string ResourceName = "northwind-identity";

    public static void AddNorthwindFederation(this IDistributedApplicationBuilder builder, IdentityProvider shop)
    {
        if (shop.Resource is IResourceBuilder<KeycloakResource> keycloak)
            WithinKeycloak(builder, keycloak);
        else
            AsLocalIdentityProvider(builder, shop);
    }

    // Keycloak: realm northwind is imported next to realm shop (the whole Realms folder is), so the broker calls
    // its own server. The browser reaches both realms on Keycloak's published port; Keycloak reaches realm
    // northwind's token and key endpoints from inside its container, on its own port. KC_HOSTNAME keeps every
    // token's issuer the browser's URL whichever way a request came in (see Identity/KeycloakIdentityProvider).
    private static void WithinKeycloak(IDistributedApplicationBuilder builder, IResourceBuilder<KeycloakResource> keycloak)
    {
        var publicUrl = KeycloakIdentityProvider.PublicUrl(builder);
        keycloak
            .WithEnvironment("NORTHWIND_URL", ReferenceExpression.Create($"{publicUrl}/realms/{RealmName}"))
            .WithEnvironment("NORTHWIND_INTERNAL_URL", $"{KeycloakIdentityProvider.InContainerUrl}/realms/{RealmName}")
            .WithEnvironment("SHOP_REALM_URL", ReferenceExpression.Create($"{publicUrl}/realms/{RealmSettings.RealmName}"));
    }

    // The local stand-in: a second Identity.Local serving realm northwind at its own address and issuer, as a
    // company's identity provider would be; the same program, loader and rules as for realm shop.
    private static void AsLocalIdentityProvider(IDistributedApplicationBuilder builder, IdentityProvider shop)
    {
        // No launch profile: its fixed port is realm shop's stand-in's. Development is what the launch profile would set.
        var northwind = builder.AddProject<Projects.Identity_Local>(ResourceName, launchProfileName: null)
            .WithHttpEndpoint()
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development");
        var northwindRealm = ReferenceExpression.Create($"{northwind.GetEndpoint("http")}/realms/{RealmName}");
        var shopRealm = ReferenceExpression.Create($"{shop.Resource.GetEndpoint("http")}/realms/{RealmSettings.RealmName}");

        northwind
            .WithEnvironment("Identity__Issuer", northwindRealm)
            .WithEnvironment("Realm__File", Path.Combine(builder.AppHostDirectory, RealmSettings.RealmFolder, $"{RealmName}-realm.json"))
            // Only what realm northwind's file asks for: where the shop's broker is, its client secret, dave's password.
            .WithEnvironment("SHOP_REALM_URL", shopRealm)
            .WithEnvironment("NORTHWIND_BROKER_CLIENT_SECRET", shop.Realm.NorthwindBrokerClientSecret)
            .WithEnvironment("DEV_USER_PASSWORD", shop.Realm.DevUserPassword)
            .WithEnvironment("Admin__Password", builder.AddGeneratedSecret("northwind-admin-password"))
            .WithHttpHealthCheck("/health")
            .WithExternalHttpEndpoints()
            .WithUrlForEndpoint("http", url => url.DisplayText = "Northwind Traders' sign-in (dev stand-in)");

        if (shop.Resource is IResourceBuilder<ProjectResource> local)
            local
                .WithEnvironment("NORTHWIND_URL", northwindRealm)
                .WithEnvironment("NORTHWIND_INTERNAL_URL", northwindRealm)
                // The broker's first sign-in needs realm northwind's keys; starting after it keeps the first click working.
                .WaitFor(northwind);
    }
}
