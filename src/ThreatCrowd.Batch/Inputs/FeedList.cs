using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// The feeds a run reads. The default ThreatCrowd feeds live beside the API on the same host
/// (<c>/feeds/domains.txt</c> next to <c>/searchApi/v2/</c>), so they follow ThreatCrowd:BaseUrl: pointing the
/// program at another host or a stand-in moves the feeds with it.
/// </summary>
internal static class FeedList
{
    public static IReadOnlyList<FeedSource> From(BatchOptions options)
    {
        var feeds = new List<FeedSource>();
        if (options.Sources.DefaultFeeds)
        {
            var feedsRoot = new Uri(options.BaseUri, "../../feeds/");
            feeds.Add(new FeedSource(new Uri(feedsRoot, "domains.txt").ToString(), IndicatorType.Domain));
            feeds.Add(new FeedSource(new Uri(feedsRoot, "ips.txt").ToString(), IndicatorType.Ip));
            feeds.Add(new FeedSource(new Uri(feedsRoot, "hashes.txt").ToString(), IndicatorType.File));
        }

        foreach (var feed in options.Sources.Feeds)
        {
            // The type was validated at start; an unknown one never gets this far.
            if (IndicatorTypeNames.TryParse(feed.Type, out var type))
            {
                feeds.Add(new FeedSource(feed.Url, type));
            }
        }

        return feeds;
    }
}
