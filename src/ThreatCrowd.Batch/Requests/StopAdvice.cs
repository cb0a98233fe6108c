namespace ThreatCrowd.Batch.Requests;

/// <summary>
/// What the operator is told when requests of one kind stop early: the setting naming where they go
/// (<paramref name="UrlKey"/>) and how to carry on (<paramref name="Rerun"/>). The rest of each message is the
/// request loop's own, the same for every kind of request.
/// </summary>
internal sealed record StopAdvice(string UrlKey, string Rerun)
{
    public static StopAdvice Lookups { get; } = new("ThreatCrowd:BaseUrl", "run 'resume'");

    public static StopAdvice Votes { get; } = new("ThreatCrowd:VoteUrl", "run the vote again");
}
