using System.Runtime.CompilerServices;

namespace ShopAuthDemo.Tests.Support;

internal static class InProcessHostsWithoutTls
{
    // The services here run on TestServer, which has no TLS and so no client certificates: mutual TLS is
    // switched off for every in-process host (as the benchmark's baseline does), before any is built.
    // MutualTls/ turns it back on where it is the subject; the end-to-end suite runs the app with it on.
    [ModuleInitializer]
    internal static void SwitchOffMutualTls() => Environment.SetEnvironmentVariable("MutualTls__Enabled", "false");
}
