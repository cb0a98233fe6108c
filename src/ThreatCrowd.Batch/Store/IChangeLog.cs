namespace ThreatCrowd.Batch.Store;

/// <summary>What an export shows that the previous one did not, and what it no longer shows, kept as a history.</summary>
internal interface IChangeLog
{
    /// <summary>
    /// Records the differences since the previous export and moves the snapshot on, in one transaction; prunes the
    /// history older than <paramref name="keep"/>.
    /// </summary>
    ChangeCounts Detect(ExportCutoff cutoff, long? runId, DateTimeOffset now, TimeSpan keep);

    /// <summary>The run in progress, for the process that holds the store between starting and finishing its run.</summary>
    long? RunInProgress();
}
