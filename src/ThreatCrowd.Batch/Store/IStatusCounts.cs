namespace ThreatCrowd.Batch.Store;

/// <summary>Counts for the status command: indicators by state and type, pivots, cut relations, rejects, failures by reason.</summary>
internal interface IStatusCounts
{
    IReadOnlyList<(string Type, string State, long Count)> CountsByTypeAndState();

    /// <summary>Indicators reached by pivots, by depth: how many, and how many are still queued (never asked).</summary>
    IReadOnlyList<(int Depth, long Count, long Queued)> PivotsByDepth();

    /// <summary>Answers whose related items were cut at Lookup:MaxRelationsPerAnswer, and how many items were cut in all.</summary>
    (long Answers, long Items) RelationsCut();

    long Rejects();

    /// <summary>Failed indicators grouped by reason, most common first, each with one example.</summary>
    IReadOnlyList<(string Error, long Count, string Example)> FailuresByReason(int count);
}
