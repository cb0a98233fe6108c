namespace ThreatCrowd.Batch.Store;

/// <summary>
/// The store, one door: it owns its database connection and every transaction, and hands out its operations
/// grouped by capability. Outside the store nothing sees the database; a failure of it comes out as a
/// <see cref="StoreException"/> (the store cannot be used) or a <see cref="StoreFailedException"/> (an operation
/// failed; what was committed is kept). Disposing it closes the database and releases the store's lock.
/// </summary>
internal interface IBatchStore : IDisposable
{
    IRunLog Runs { get; }

    IDueQueue Queue { get; }

    IAnswerStore Answers { get; }

    IPacingStore Pacing { get; }

    IImportStore Imports { get; }

    IVoteStore Votes { get; }

    IStatusCounts Counts { get; }

    IChangeLog Changes { get; }

    /// <summary>The rows of the output tables, without the indicators older than <paramref name="cutoff"/>.</summary>
    ITableRows Tables(ExportCutoff cutoff);

    /// <summary>The flagged indicators and their related items for the threat-intel files, within <paramref name="cutoff"/>.</summary>
    IFlaggedRows Flagged(ExportCutoff cutoff);
}
