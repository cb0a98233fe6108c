using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ThreatCrowd.Batch.Tests.Inputs;

/// <summary>
/// A real HTTP server on a loopback port that answers every request with the same canned response, or, given
/// none, accepts connections and never answers (for timeouts).
/// </summary>
internal sealed class CannedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly byte[]? _response;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _serving;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _requestHeads = new();

    public CannedHttpServer(byte[]? response)
    {
        _response = response;
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The request line and headers of every request received so far, as sent.</summary>
    public IReadOnlyCollection<string> RequestHeads => _requestHeads;

    public string Url(string path) => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}{path}";

    /// <summary>A whole answer; <paramref name="extraHeaders"/> are complete header lines, sent as they are.</summary>
    public static byte[] Response(int status, string reason, string body, string contentType = "text/plain", params string[] extraHeaders)
    {
        var content = Encoding.UTF8.GetBytes(body);
        var extra = string.Concat(extraHeaders.Select(header => header + "\r\n"));
        var head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}\r\nContent-Length: {content.Length}\r\n{extra}Connection: close\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. content];
    }

    /// <summary>A loopback port that nothing listens on, so connecting to it is refused.</summary>
    public static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stopping.Token);
                connections.Add(AnswerAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            await Task.WhenAll(connections).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            _requestHeads.Enqueue(await ReadRequestHeadAsync(stream));
            if (_response is null)
            {
                await Task.Delay(Timeout.Infinite, _stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                return;
            }

            await stream.WriteAsync(_response, _stopping.Token);
            client.Client.Shutdown(SocketShutdown.Send);
        }
    }

    private async Task<string> ReadRequestHeadAsync(NetworkStream stream)
    {
        var seen = new StringBuilder();
        var buffer = new byte[4096];
        while (!seen.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            int read = await stream.ReadAsync(buffer, _stopping.Token);
            if (read == 0)
            {
                break;
            }

            seen.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return seen.ToString();
    }
}
