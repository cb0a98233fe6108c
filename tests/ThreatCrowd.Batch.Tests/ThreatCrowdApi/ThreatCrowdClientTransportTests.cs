using System.Net;
using System.Net.Sockets;
using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

/// <summary>Failures below HTTP: no listener, no TLS, oversized answers.</summary>
public sealed class ThreatCrowdClientTransportTests
{
    private static readonly Indicator Aoldaily = new(IndicatorType.Domain, "aoldaily.com");

    [Fact]
    public async Task A_closed_port_is_a_refused_connection_and_unreachable()
    {
        var port = ClosedPort();
        using var http = ThreatCrowdHttp.Create(TimeSpan.FromSeconds(10), proxy: null, "tests");
        var client = new ThreatCrowdClient(http, new Uri($"http://127.0.0.1:{port}/searchApi/v2/"));

        var result = await client.LookupAsync(Aoldaily, CancellationToken.None);

        result.ShouldBe(LookupResult.TransientFailure($"connection refused by 127.0.0.1:{port}", unreachable: true));
    }

    [Fact]
    public async Task Https_to_a_plain_http_server_is_a_failed_tls_handshake()
    {
        await using var server = await StandInHost.StartAsync();
        using var http = ThreatCrowdHttp.Create(TimeSpan.FromSeconds(10), proxy: null, "tests");
        var client = new ThreatCrowdClient(http, new Uri($"https://127.0.0.1:{server.Root.Port}/searchApi/v2/"));

        var result = await client.LookupAsync(Aoldaily, CancellationToken.None);

        result.Transient.ShouldBeTrue();
        result.Unreachable.ShouldBeTrue();
        result.FailureReason.ShouldStartWith("TLS handshake failed: ");
    }

    [Fact]
    public async Task An_answer_over_16_MB_is_refused_by_the_configured_client()
    {
        var result = await LookupOversizedAsync(ThreatCrowdHttp.Create(TimeSpan.FromSeconds(30), proxy: null, "tests"));

        result.ShouldBe(LookupResult.TransientFailure("answer larger than 16 MB"));
    }

    [Fact]
    public async Task An_answer_over_16_MB_is_refused_even_by_a_client_with_a_larger_buffer()
    {
        var result = await LookupOversizedAsync(new HttpClient { Timeout = TimeSpan.FromSeconds(30) });

        result.ShouldBe(LookupResult.TransientFailure("answer larger than 16 MB"));
    }

    [Fact]
    public async Task A_refusing_proxy_is_named_as_the_proxy_not_as_the_service()
    {
        var proxyPort = ClosedPort();
        await using var server = await StandInHost.StartAsync();
        using var http = ThreatCrowdHttp.Create(TimeSpan.FromSeconds(10), proxy: $"http://127.0.0.1:{proxyPort}", "tests");
        var client = new ThreatCrowdClient(http, server.ApiBaseUrl);

        var result = await client.LookupAsync(Aoldaily, CancellationToken.None);

        result.ShouldBe(LookupResult.TransientFailure($"connection refused by the proxy 127.0.0.1:{proxyPort}", unreachable: true));
    }

    [Fact]
    public async Task Headers_over_the_limit_are_reported_as_headers_not_as_a_large_answer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var serve = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            await using var stream = new NetworkStream(socket);
            _ = await stream.ReadAsync(new byte[4096]); // the request; its content does not matter
            var head = "HTTP/1.1 200 OK\r\nX-Padding: " + new string('x', 100 * 1024) + "\r\nContent-Length: 2\r\n\r\n{}";
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        });
        using var http = ThreatCrowdHttp.Create(TimeSpan.FromSeconds(10), proxy: null, "tests");

        var result = await new ThreatCrowdClient(http, new Uri($"http://127.0.0.1:{port}/searchApi/v2/")).LookupAsync(Aoldaily, CancellationToken.None);

        result.ShouldBe(LookupResult.TransientFailure("answer's headers larger than the 64 KB allowed"));
        await serve.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static async Task<LookupResult> LookupOversizedAsync(HttpClient http)
    {
        using (http)
        {
            await using var server = await StandInHost.StartAsync();
            server.Faults.Enqueue(StandInFault.Body($"{{\"response_code\":\"1\",\"x\":\"{new string('x', ThreatCrowdClient.MaxBodyBytes)}\"}}"));
            return await new ThreatCrowdClient(http, server.ApiBaseUrl).LookupAsync(Aoldaily, CancellationToken.None);
        }
    }

    private static int ClosedPort()
    {
        // A port that was free a moment ago and now has no listener.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
