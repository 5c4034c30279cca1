namespace ShopAuthDemo.Testing.AppHost;

/// <summary>The AppHost with the local stand-in identity provider; runs on every machine.</summary>
public sealed class LocalIdentityAppHost() : AppHostFixture("local", "identity-local");
