using ThreatCrowd.Batch.Inputs;
using ThreatCrowd.Batch.Lookups;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Tests.Inputs;

public sealed class FeedReaderHttpTests : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task A_feed_answered_with_200_is_read()
    {
        await using var server = new CannedHttpServer(CannedHttpServer.Response(200, "OK", "# malicious IPs\n188.40.75.132\r\n\r\n50.63.202.70\n"));
        var feed = new FeedSource(server.Url("/feeds/ips.txt"), IndicatorType.Ip);

        var entries = await new FeedReader(_http).ReadAsync(feed, CancellationToken.None);

        entries.ShouldBe(
        [
            new SourceEntry(feed.SourceName, 2, "188.40.75.132", "ip"),
            new SourceEntry(feed.SourceName, 4, "50.63.202.70", "ip"),
        ]);
        feed.SourceName.ShouldBe("feed:" + feed.Url);
    }

    [Fact]
    public async Task A_404_makes_the_feed_unavailable_naming_the_status()
    {
        await using var server = new CannedHttpServer(CannedHttpServer.Response(404, "Not Found", "no such feed"));
        var feed = new FeedSource(server.Url("/gone.txt"), IndicatorType.Domain);

        var thrown = await Should.ThrowAsync<FeedUnavailableException>(() => new FeedReader(_http).ReadAsync(feed, CancellationToken.None));

        thrown.Message.ShouldBe($"feed \"{feed.Url}\" answered HTTP 404 (Not Found)");
        thrown.Feed.ShouldBe(feed);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task A_body_declared_compressed_that_is_not_makes_the_feed_unavailable(string encoding)
    {
        await using var server = new CannedHttpServer(
            CannedHttpServer.Response(200, "OK", "188.40.75.132\n", "text/plain", $"Content-Encoding: {encoding}"));
        var feed = new FeedSource(server.Url("/ips.txt"), IndicatorType.Ip);
        using var decompressing = ThreatCrowdHttp.Create(TimeSpan.FromSeconds(10), proxy: null, "tests");

        var thrown = await Should.ThrowAsync<FeedUnavailableException>(() => new FeedReader(decompressing).ReadAsync(feed, CancellationToken.None));

        thrown.Reason.ShouldStartWith("sent an unreadable body: body not validly compressed (");
    }

    [Fact]
    public async Task A_503_makes_the_feed_unavailable()
    {
        await using var server = new CannedHttpServer(CannedHttpServer.Response(503, "Service Unavailable", ""));
        var feed = new FeedSource(server.Url("/ips.txt"), IndicatorType.Ip);

        var thrown = await Should.ThrowAsync<FeedUnavailableException>(() => new FeedReader(_http).ReadAsync(feed, CancellationToken.None));

        thrown.Reason.ShouldBe("answered HTTP 503 (Service Unavailable)");
    }

    [Fact]
    public async Task An_html_page_answered_with_200_is_not_a_feed()
    {
        var page = "\r\n<!DOCTYPE html><html><body>Cloudflare: checking your browser</body></html>";
        await using var server = new CannedHttpServer(CannedHttpServer.Response(200, "OK", page, "text/html"));
        var feed = new FeedSource(server.Url("/ips.txt"), IndicatorType.Ip);

        var thrown = await Should.ThrowAsync<FeedUnavailableException>(() => new FeedReader(_http).ReadAsync(feed, CancellationToken.None));

        thrown.Message.ShouldBe($"feed \"{feed.Url}\" answered an HTML page, not a feed (the service may be down)");
    }

    [Fact]
    public async Task A_refused_connection_makes_the_feed_unavailable_with_the_network_error()
    {
        var feed = new FeedSource($"http://127.0.0.1:{CannedHttpServer.ClosedPort()}/ips.txt", IndicatorType.Ip);

        var thrown = await Should.ThrowAsync<FeedUnavailableException>(() => new FeedReader(_http).ReadAsync(feed, CancellationToken.None));

        thrown.Message.ShouldStartWith($"feed \"{feed.Url}\" cannot be reached: ");
        thrown.Message.ShouldContain("refused", Case.Insensitive);
        thrown.InnerException.ShouldBeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out()
    {
        await using var server = new CannedHttpServer(response: null);
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(300) };
        var feed = new FeedSource(server.Url("/slow.txt"), IndicatorType.Ip);

        var thrown = await Should.ThrowAsync<FeedUnavailableException>(() => new FeedReader(impatient).ReadAsync(feed, CancellationToken.None));

        thrown.Reason.ShouldBe("did not answer within 0.3 seconds");
    }

    [Fact]
    public async Task Cancellation_is_not_wrapped()
    {
        await using var server = new CannedHttpServer(response: null);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var feed = new FeedSource(server.Url("/slow.txt"), IndicatorType.Ip);

        var thrown = await Should.ThrowAsync<Exception>(() => new FeedReader(_http).ReadAsync(feed, cancellation.Token));

        thrown.ShouldBeAssignableTo<OperationCanceledException>();
    }

    [Fact]
    public async Task A_body_over_the_size_cap_is_refused()
    {
        await using var server = new CannedHttpServer(CannedHttpServer.Response(200, "OK", new string('a', 5000)));
        var feed = new FeedSource(server.Url("/big.txt"), IndicatorType.Domain);

        var thrown = await Should.ThrowAsync<FeedUnavailableException>(
            () => new FeedReader(_http, maxFeedBytes: 1000).ReadAsync(feed, CancellationToken.None));

        thrown.Reason.ShouldBe("is larger than 1000 bytes");
    }
}
