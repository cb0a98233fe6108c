using ThreatCrowd.Batch.Inputs;

using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Inputs;

public sealed class FeedReaderLocalTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly HttpClient _http = new();
    private readonly FeedReader _reader;

    public FeedReaderLocalTests() => _reader = new FeedReader(_http);

    public void Dispose()
    {
        _http.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Comments_and_blank_lines_are_skipped_and_lines_keep_their_numbers()
    {
        var path = _directory.Write("ips.txt", "# feed header\r\n\r\n  188.40.75.132  \r\n#10.0.0.5\r\n50.63.202.70\r\n");
        var feed = new FeedSource(path, IndicatorType.Ip);

        var entries = await _reader.ReadAsync(feed, CancellationToken.None);

        entries.ShouldBe(
        [
            new SourceEntry("feed:" + path, 3, "188.40.75.132", "ip"),
            new SourceEntry("feed:" + path, 5, "50.63.202.70", "ip"),
        ]);
    }

    [Fact]
    public async Task Lf_and_lone_cr_line_ends_count_one_line_each()
    {
        var path = _directory.Write("domains.txt", "a.com\nb.com\rc.com\n\nd.com");

        var entries = await _reader.ReadAsync(new FeedSource(path, IndicatorType.Domain), CancellationToken.None);

        entries.Select(entry => (entry.Line, entry.Value)).ShouldBe([(1L, "a.com"), (2L, "b.com"), (3L, "c.com"), (5L, "d.com")]);
    }

    [Fact]
    public async Task Each_entry_carries_the_feed_type_as_hint()
    {
        var path = _directory.Write("hashes.txt", "\uFEFFec8c89aa5e521572c74e2dd02a4daf78\n");

        var entries = await _reader.ReadAsync(new FeedSource(path, IndicatorType.File), CancellationToken.None);

        entries.ShouldBe([new SourceEntry("feed:" + path, 1, "ec8c89aa5e521572c74e2dd02a4daf78", "file")]);
    }

    [Fact]
    public async Task A_relative_path_is_read_from_the_current_directory()
    {
        var path = _directory.Write("domains.txt", "aoldaily.com\n");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        relative.ShouldNotStartWith("/");

        var entries = await _reader.ReadAsync(new FeedSource(relative, IndicatorType.Domain), CancellationToken.None);

        entries.ShouldBe([new SourceEntry("feed:" + relative, 1, "aoldaily.com", "domain")]);
    }

    [Fact]
    public async Task A_file_url_is_read_as_a_local_file()
    {
        var path = _directory.Write("domains.txt", "aoldaily.com\n");
        var url = new Uri(path).AbsoluteUri;

        var entries = await _reader.ReadAsync(new FeedSource(url, IndicatorType.Domain), CancellationToken.None);

        entries.Single().Value.ShouldBe("aoldaily.com");
    }

    [Fact]
    public async Task A_missing_local_file_makes_the_feed_unavailable()
    {
        var path = Path.Combine(_directory.Path, "missing.txt");

        var thrown = await Should.ThrowAsync<FeedUnavailableException>(
            () => _reader.ReadAsync(new FeedSource(path, IndicatorType.Ip), CancellationToken.None));

        thrown.Message.ShouldBe($"feed \"{path}\" cannot be read: file not found ({path})");
    }

    [Fact]
    public async Task A_saved_html_page_is_not_a_feed()
    {
        var path = _directory.Write("page.txt", "\n  <html><body>Maintenance</body></html>\n");

        var thrown = await Should.ThrowAsync<FeedUnavailableException>(
            () => _reader.ReadAsync(new FeedSource(path, IndicatorType.Ip), CancellationToken.None));

        thrown.Message.ShouldBe($"feed \"{path}\" answered an HTML page, not a feed (the service may be down)");
    }

    [Fact]
    public async Task A_feed_over_the_size_cap_is_refused()
    {
        var path = _directory.Write("big.txt", new string('a', 2000));
        var capped = new FeedReader(_http, maxFeedBytes: 1000);

        var thrown = await Should.ThrowAsync<FeedUnavailableException>(
            () => capped.ReadAsync(new FeedSource(path, IndicatorType.Domain), CancellationToken.None));

        thrown.Reason.ShouldBe("is larger than 1000 bytes");
    }

    [Fact]
    public async Task A_body_is_cut_off_at_the_cap_even_without_a_known_length()
    {
        using var body = new MemoryStream(new byte[1001]);

        (await FeedText.ReadAsync(body, 1000, CancellationToken.None)).ShouldBeNull();
        body.Position = 0;
        (await FeedText.ReadAsync(body, 1001, CancellationToken.None)).ShouldNotBeNull().Length.ShouldBe(1001);
    }

    [Fact]
    public void The_size_cap_is_64_mb()
    {
        FeedReader.MaxFeedBytes.ShouldBe(64L * 1024 * 1024);
        FeedText.TooLarge(FeedReader.MaxFeedBytes).ShouldBe("is larger than 64 MB");
    }

    [Fact]
    public async Task An_unsupported_scheme_makes_the_feed_unavailable()
    {
        var thrown = await Should.ThrowAsync<FeedUnavailableException>(
            () => _reader.ReadAsync(new FeedSource("ftp://feeds.example/ips.txt", IndicatorType.Ip), CancellationToken.None));

        thrown.Message.ShouldStartWith("feed \"ftp://feeds.example/ips.txt\" uses a scheme that is not supported");
    }
}
