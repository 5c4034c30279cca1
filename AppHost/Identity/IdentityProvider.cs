namespace ShopAuthDemo.AppHost.Identity;

/// <summary>The identity provider of this run, as the services see it, whichever one it is.</summary>
public sealed class IdentityProvider(
    IResourceBuilder<IResourceWithEndpoints> resource,
    IdentityProviderChoice choice,
    RealmSettings realm)
{
    public IResourceBuilder<IResourceWithEndpoints> Resource { get; } = resource;

    public IdentityProviderChoice Choice { get; } = choice;

    public RealmSettings Realm { get; } = realm;

    /// <summary>Base URL + /realms/shop: the token issuer, and where metadata and signing keys are found.</summary>
    public ReferenceExpression Authority =>
        ReferenceExpression.Create($"{Resource.GetEndpoint("http")}/realms/{RealmSettings.RealmName}");
}
