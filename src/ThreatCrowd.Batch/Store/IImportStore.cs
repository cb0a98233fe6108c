namespace ThreatCrowd.Batch.Store;

/// <summary>Reads of sources into the store.</summary>
internal interface IImportStore
{
    /// <summary>
    /// Begins one read of one source. Nothing of it is committed before the first batch, and the previous read's
    /// rejects of that source are replaced by this read's.
    /// </summary>
    IImportWriter BeginRead(string sourceName, SourceKind kind, DateTimeOffset now);

    /// <summary>
    /// The distinct indicators named by the reads that began at or after <paramref name="since"/>: one value named by
    /// two sources (or twice by one) counts once, which the per-read counts cannot tell.
    /// </summary>
    long CountImportedSince(DateTimeOffset since);
}
