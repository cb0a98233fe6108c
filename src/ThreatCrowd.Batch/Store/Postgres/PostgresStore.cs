using Npgsql;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// The store in a PostgreSQL database that several hosts share: one queue (claims with a lease), one pace (a lock
/// held from a request's turn until its answer begins), one run history. Every operation takes a pooled connection
/// of its own, so that the shared pace, a claim and a run's liveness lock never wait on one another.
/// </summary>
internal sealed class PostgresStore : IBatchStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresRunLog _runs;

    private PostgresStore(NpgsqlDataSource dataSource, TimeSpan claimLease)
    {
        _dataSource = dataSource;
        _runs = new PostgresRunLog(dataSource, ProcessName.Current);
        Queue = new PostgresQueue(dataSource, ProcessName.Current, claimLease);
        Answers = new PostgresAnswerWriter(dataSource);
        Pacing = new PostgresPacing(dataSource);
        Imports = new PostgresImports(dataSource);
        Votes = new PostgresVoteStore(dataSource);
        Counts = new PostgresStatusQueries(dataSource);
        Changes = new PostgresChangeLog(dataSource, ProcessName.Current);
    }

    public IRunLog Runs => _runs;

    public IDueQueue Queue { get; }

    public IAnswerStore Answers { get; }

    public IPacingStore Pacing { get; }

    public IImportStore Imports { get; }

    public IVoteStore Votes { get; }

    public IStatusCounts Counts { get; }

    public IChangeLog Changes { get; }

    /// <summary>Connects, creating or migrating the schema (see <see cref="PostgresDatabase"/>).</summary>
    public static PostgresStore Open(string connectionString, TimeSpan claimLease) => new(PostgresDatabase.Open(connectionString), claimLease);

    public ITableRows Tables(ExportCutoff cutoff) => new PostgresTableQueries(_dataSource, cutoff);

    public IFlaggedRows Flagged(ExportCutoff cutoff) => new PostgresIntelQueries(_dataSource, cutoff);

    public void Dispose()
    {
        _runs.Dispose();
        _dataSource.Dispose();
    }
}
