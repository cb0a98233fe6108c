using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store;

/// <summary>One row of threatcrowd_indicators: an indicator and the summary of its latest answer.</summary>
internal sealed record IndicatorRow(
    string Indicator,
    string Type,
    string Status,
    int? Votes,
    string Verdict,
    bool InFeed,
    RelationCounts Counts,
    string? Md5,
    string? Sha1,
    string? Permalink,
    string Sources,
    DateTimeOffset FirstImportedAt,
    DateTimeOffset? LookedUpAt)
{
    /// <summary>0 for an input or feed indicator; n when it was reached by n pivots from one.</summary>
    public int Depth { get; init; }

    /// <summary>What the sources said about the indicator ("feodo: Pikabot; threatfox: botnet_cc, Cobalt Strike"), or null.</summary>
    public string? Context { get; init; }
}
