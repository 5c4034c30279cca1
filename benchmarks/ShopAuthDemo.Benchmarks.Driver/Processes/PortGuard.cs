using System.Net;
using System.Net.Sockets;
using ShopAuthDemo.Benchmarks.Driver.Settings;

namespace ShopAuthDemo.Benchmarks.Driver.Processes;

public static class PortGuard
{
    /// <summary>
    /// Fails before anything starts when a port is taken: otherwise a service would die at start-up, or
    /// worse, wrk would measure whatever else answers there.
    /// </summary>
    public static void EnsureFree(IEnumerable<(int Port, string Owner)> ports, string? hint = null)
    {
        foreach (var (port, owner) in ports)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
            }
            catch (SocketException)
            {
                throw new BenchmarkException(
                    $"Port {port} on 127.0.0.1 (for {owner}) is already in use. `ss -ltnp 'sport = :{port}'` shows who holds it. " +
                    (hint ?? $"Stop it, or move the benchmark's ports with BENCH_BASE_PORT=<first of {BenchmarkPorts.Count} free consecutive ports>."));
            }
            finally
            {
                listener.Stop();
            }
        }
    }
}
