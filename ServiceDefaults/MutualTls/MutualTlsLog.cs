using Microsoft.Extensions.Logging;

namespace ShopAuthDemo.ServiceDefaults.MutualTls;

// Names and reasons only: never a certificate's content or its key.
internal static partial class MutualTlsLog
{
    [LoggerMessage(LogLevel.Information, "Mutual TLS: this service is {Service} (certificate valid until {NotAfter:u}); peers must chain to the internal CA")]
    public static partial void Ready(ILogger logger, string service, DateTime notAfter);

    [LoggerMessage(LogLevel.Warning, "Mutual TLS is switched off (MutualTls:Enabled=false): connections between services are neither encrypted nor authenticated, and no peer check applies")]
    public static partial void SwitchedOff(ILogger logger);

    // One line per connection, not per request: connections are pooled. The benchmark counts these lines.
    [LoggerMessage(LogLevel.Information, "Mutual TLS handshake: connection from {Peer} accepted")]
    public static partial void PeerAccepted(ILogger logger, string peer);

    [LoggerMessage(LogLevel.Warning, "Mutual TLS handshake: connection refused, the client certificate {Reason}")]
    public static partial void PeerRefused(ILogger logger, string reason);

    [LoggerMessage(LogLevel.Warning, "Mutual TLS: {Expected} presented a certificate that is not its own ({Reason}); call abandoned")]
    public static partial void ServerRefused(ILogger logger, string expected, string reason);
}
