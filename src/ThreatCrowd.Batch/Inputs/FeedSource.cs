
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>A plain-text feed of one indicator type: an http(s) URL or a local path.</summary>
internal sealed record FeedSource(string Url, IndicatorType Type)
{
    /// <summary>The provenance name recorded for every value the feed names.</summary>
    public string SourceName => "feed:" + Url;

    /// <summary>A file on this machine (a path or a file:// URL) rather than a download.</summary>
    public bool IsLocal =>
        !Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
