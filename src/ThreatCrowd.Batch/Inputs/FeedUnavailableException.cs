namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// A feed could not be fetched or is not a feed. The message names the feed and why, ready for the run report:
/// feed "https://..." answered HTTP 503 (Service Unavailable).
/// </summary>
internal sealed class FeedUnavailableException : Exception
{
    public FeedUnavailableException()
    {
    }

    public FeedUnavailableException(string message)
        : base(message)
    {
    }

    public FeedUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FeedUnavailableException(FeedSource feed, string reason, Exception? innerException = null)
        : base($"feed \"{feed?.Url}\" {reason}", innerException)
    {
        Feed = feed;
        Reason = reason;
    }

    /// <summary>The feed that failed, when known.</summary>
    public FeedSource? Feed { get; }

    /// <summary>Why, without the feed's name: "answered HTTP 503 (Service Unavailable)".</summary>
    public string? Reason { get; }
}
