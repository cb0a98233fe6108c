namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>The output tables are not yet read from the PostgreSQL store: an export there stops with this plain message.</summary>
internal sealed class PostgresExportPending : ITableRows, IFlaggedRows, IChangeLog
{
    private static StoreException NotYet() =>
        new("writing the output tables from the PostgreSQL store is not served by this version yet; run export on a SQLite store.");

    public IEnumerable<IndicatorRow> Indicators() => throw NotYet();

    public IEnumerable<RelationRow> Relations() => throw NotYet();

    public IEnumerable<RejectRow> Rejects() => throw NotYet();

    public IEnumerable<ChangeRow> Changes() => throw NotYet();

    public IEnumerable<ListedIndicator> Listed(string type) => throw NotYet();

    public IEnumerable<RelatedIndicator> Related(string type) => throw NotYet();

    public ChangeCounts Detect(ExportCutoff cutoff, long? runId, DateTimeOffset now, TimeSpan keep) => throw NotYet();

    public long? RunInProgress() => null;
}
