namespace ThreatCrowd.Batch.Configuration;

/// <summary>
/// One entry of <c>Sources:Priorities</c>: indicators named by a matching source are asked before others of the
/// same kind (never seen, failed, stale). <see cref="Source"/> is matched against the source's name: a CSV path as
/// given (globs allowed, e.g. <c>exports/critical/*.csv</c>) or <c>feed:&lt;url&gt;</c> (e.g. <c>feed:*</c>).
/// </summary>
internal sealed class SourcePriority
{
    public string Source { get; init; } = string.Empty;

    public int Priority { get; init; }
}
