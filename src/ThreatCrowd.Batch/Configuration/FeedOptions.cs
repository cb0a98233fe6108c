namespace ThreatCrowd.Batch.Configuration;

/// <summary>One entry of <c>Sources:Feeds</c>: a plain-text list of one indicator type.</summary>
internal sealed class FeedOptions
{
    public string Url { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;
}
