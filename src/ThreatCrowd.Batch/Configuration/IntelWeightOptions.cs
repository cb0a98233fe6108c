namespace ThreatCrowd.Batch.Configuration;

/// <summary>
/// Section <c>Output:EnterpriseSecurity:Weights</c>: the ES <c>weight</c> (1 to 100) given to each kind of evidence.
/// ES scores a match by it, so stronger evidence gets more.
/// </summary>
internal sealed class IntelWeightOptions
{
    /// <summary>Named by a crowd-sourced malicious feed, and not voted malicious.</summary>
    public int Feed { get; init; } = 70;

    /// <summary>Most votes in its answer say malicious (votes -1), and no feed names it.</summary>
    public int VotedMalicious { get; init; } = 80;

    /// <summary>Both in a feed and voted malicious.</summary>
    public int Both { get; init; } = 90;

    /// <summary>Not listed itself, only related to a listed indicator (Output:EnterpriseSecurity:IncludeRelated).</summary>
    public int Related { get; init; } = 40;
}
