using System.Net;
using System.Net.Sockets;

namespace ThreatCrowd.Batch.ThreatCrowdApi;

/// <summary>
/// Builds the one HttpClient a run uses. Certificate validation is left exactly as the platform does it: a TLS
/// failure is a reason to stop, never something to switch off.
/// </summary>
internal static class ThreatCrowdHttp
{
    public static HttpClient Create(TimeSpan timeout, string? proxy, string userAgent, WireActivity? wire = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ArgumentException.ThrowIfNullOrWhiteSpace(userAgent);
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            // Long runs outlive DNS changes; recycling connections picks up a moved host.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            // A redirect would be a second request inside one lookup, spent against the rate limit on a host nobody
            // configured; the client reports it, with its target, instead.
            AllowAutoRedirect = false,
            // Without an explicit proxy the handler uses the system one, which honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY.
            UseProxy = true,
            Proxy = string.IsNullOrWhiteSpace(proxy) ? null : ProxySetting.Create(proxy),
        };
        if (wire is not null)
        {
            // The connection as the handler would open it, wrapped so the pacer learns when a request went out and its answer came.
            handler.ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, ct).ConfigureAwait(false);
                    return new WireTimedStream(new NetworkStream(socket, ownsSocket: true), wire);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        var http = new HttpClient(handler, disposeHandler: true)
        {
            Timeout = timeout,
            MaxResponseContentBufferSize = ThreatCrowdClient.MaxBodyBytes,
        };
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        return http;
    }
}
