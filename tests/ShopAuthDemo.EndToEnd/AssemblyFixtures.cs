using ShopAuthDemo.Testing.AppHost;

// One AppHost with the local identity provider for the whole run: starting it is the slow part.
[assembly: AssemblyFixture(typeof(LocalIdentityAppHost))]

// The tests share one running app and count what its identity provider did: one test at a time.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
