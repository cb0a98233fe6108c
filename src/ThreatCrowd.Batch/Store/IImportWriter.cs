using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// One read of one source: each accepted indicator (duplicates collapsed, provenance recorded) and each reject,
/// committed in large batches. Disposing it without <see cref="Complete"/> keeps what was committed so far.
/// </summary>
internal interface IImportWriter : IDisposable
{
    long Accepted { get; }

    long Duplicates { get; }

    long Rejected { get; }

    /// <summary>Rows (indicators, repeats and rejects) of this read already committed: what an interruption keeps.</summary>
    long CommittedRows { get; }

    /// <param name="indicator">The indicator.</param>
    /// <param name="context">What this source says about it ("feodo: Pikabot"), or null; the first mention in a read is kept.</param>
    void Add(Indicator indicator, string? context = null);

    void Reject(long line, string value, string reason);

    /// <summary>Commits the rest of the read and marks the source read.</summary>
    void Complete();
}
