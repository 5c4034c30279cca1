using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ShopAuthDemo.Benchmarks;

// ShortRun (1 launch, 3 warm-ups, 3 iterations) in-process: the whole suite fits in about a minute,
// and no child project is generated (it would inherit this repository's build rules).
public sealed class ShortRunConfig : ManualConfig
{
    public ShortRunConfig() =>
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"));
}
