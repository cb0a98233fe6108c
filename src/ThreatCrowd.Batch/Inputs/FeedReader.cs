namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// Reads a plain-text feed (one indicator a line, # comments) from an http(s) URL, a file:// URL or a local path.
/// A feed that cannot be had throws <see cref="FeedUnavailableException"/>; cancellation is not wrapped.
/// </summary>
internal sealed class FeedReader
{
    public const long MaxFeedBytes = 64L * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly long _maxFeedBytes;

    public FeedReader(HttpClient http)
        : this(http, MaxFeedBytes)
    {
    }

    /// <param name="maxFeedBytes">A smaller cap than <see cref="MaxFeedBytes"/>, so the limit can be tested cheaply.</param>
    public FeedReader(HttpClient http, long maxFeedBytes)
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _maxFeedBytes = maxFeedBytes;
    }

    public async Task<IReadOnlyList<SourceEntry>> ReadAsync(FeedSource feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var text = await FetchTextAsync(feed, cancellationToken).ConfigureAwait(false);
        if (FeedText.LooksLikeHtml(text))
        {
            throw new FeedUnavailableException(feed, "answered an HTML page, not a feed (the service may be down)");
        }

        return FeedLines.Parse(text, feed);
    }

    private Task<string> FetchTextAsync(FeedSource feed, CancellationToken cancellationToken)
    {
        var url = feed.Url;
        if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return HttpFeedDownload.FetchTextAsync(_http, feed, _maxFeedBytes, cancellationToken);
        }

        if (url.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var uri)
                ? LocalFeedFile.ReadTextAsync(feed, uri.LocalPath, _maxFeedBytes, cancellationToken)
                : throw new FeedUnavailableException(feed, "is not a valid file:// URL");
        }

        return url.Contains("://", StringComparison.Ordinal)
            ? throw new FeedUnavailableException(feed, "uses a scheme that is not supported; use http(s)://, file:// or a local path")
            : LocalFeedFile.ReadTextAsync(feed, url, _maxFeedBytes, cancellationToken);
    }
}
