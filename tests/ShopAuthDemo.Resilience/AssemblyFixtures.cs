using ShopAuthDemo.Resilience.Infrastructure;

// One AppHost for the suite; its steps build on each other (the log search comes last).
[assembly: AssemblyFixture(typeof(ResilienceAppHost))]
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
[assembly: TestClassOrderer(typeof(SuiteStepOrderer))]
