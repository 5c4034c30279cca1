using ShopAuthDemo.Benchmarks.Driver.Processes;

namespace ShopAuthDemo.Benchmarks.Driver.Load;

/// <summary>
/// A load point measured together with the processor time each named service spent on it, per request. Read between
/// the warm-up and the end of the measured run, so JIT and connection set-up are left out.
/// </summary>
public sealed record ProcessorTimePerRequest(MeasuredLoad Load, IReadOnlyDictionary<string, TimeSpan> Spent)
{
    public static async Task<ProcessorTimePerRequest> MeasureAsync(
        LoadRunner load, LoadPoint point, IReadOnlyList<ServiceProcess> services, CancellationToken cancellationToken)
    {
        TimeSpan[] before = [];
        var measured = await load.MeasureAsync(point, cancellationToken, afterWarmUp: () =>
        {
            before = [.. services.Select(service => service.ProcessorTime)];
            return Task.CompletedTask;
        });
        return new(measured, services.Select((service, index) => (service.Name, Spent: service.ProcessorTime - before[index]))
            .ToDictionary(spent => spent.Name, spent => spent.Spent));
    }

    /// <summary>Two rounds as one: time and requests add up.</summary>
    public static ProcessorTimePerRequest Pooled(ProcessorTimePerRequest first, ProcessorTimePerRequest second) =>
        new(MeasuredLoad.Pooled(first.Load, second.Load),
            first.Spent.ToDictionary(spent => spent.Key, spent => spent.Value + second.Spent[spent.Key]));

    public TimeSpan Of(ServiceProcess service) => Spent[service.Name] / Load.Measured.Requests;
}
