using ShopAuthDemo.EndToEnd.Infrastructure;

// One AppHost with the local identity provider for the whole run: starting it is the slow part.
[assembly: AssemblyFixture(typeof(LocalIdentityAppHost))]
