using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// An item an answer revealed, to be queued with the answer: the indicator, the source named after the path that led
/// to it (<see cref="SourceNameOf"/>), and how many pivots away from an input it is.
/// </summary>
internal sealed record Pivot(Indicator Target, string SourceName, int Depth)
{
    public const string SourcePrefix = "pivot:";

    /// <summary>The source name recorded for an item reached from <paramref name="from"/> through a relation.</summary>
    public static string SourceNameOf(Indicator from, string relation) => $"{SourcePrefix}{from.Value}:{relation}";
}
