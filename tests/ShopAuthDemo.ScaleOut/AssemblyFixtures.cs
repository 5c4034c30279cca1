using ShopAuthDemo.ScaleOut.Infrastructure;

// One AppHost (servers mode, two replicas) for the suite; its tests stop and start replicas, so they run one by one.
[assembly: AssemblyFixture(typeof(ScaleOutAppHost))]
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerAssembly)]
