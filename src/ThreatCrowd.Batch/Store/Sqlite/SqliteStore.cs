using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// The store in one SQLite file: it owns the one connection every operation runs on (and so every transaction),
/// and, for a process that works on the store, the lock beside the file that keeps a second process off it.
/// </summary>
internal sealed class SqliteStore : IBatchStore
{
    private readonly SqliteConnection _connection;
    private readonly StoreLock? _lock;

    private SqliteStore(SqliteConnection connection, StoreLock? storeLock)
    {
        _connection = connection;
        _lock = storeLock;
        Runs = new RunLog(connection);
        Queue = new DueQueue(connection);
        Answers = new AnswerWriter(connection);
        Pacing = new PacingState(connection);
        Imports = new SqliteImports(connection);
        Votes = new VoteStore(connection);
        Counts = new StatusQueries(connection);
        Changes = new ChangeDetector(connection);
    }

    public IRunLog Runs { get; }

    public IDueQueue Queue { get; }

    public IAnswerStore Answers { get; }

    public IPacingStore Pacing { get; }

    public IImportStore Imports { get; }

    public IVoteStore Votes { get; }

    public IStatusCounts Counts { get; }

    public IChangeLog Changes { get; }

    /// <summary>Opens the file, creating or migrating its schema; with <paramref name="exclusive"/> it is locked against any other process first.</summary>
    public static SqliteStore Open(string path, bool exclusive)
    {
        var storeLock = exclusive ? StoreLock.Acquire(path) : null;
        try
        {
            var connection = StoreDatabase.Open(path);
            if (exclusive)
            {
                RestoreIndicatorKey(connection);
            }

            return new SqliteStore(connection, storeLock);
        }
        catch
        {
            storeLock?.Dispose();
            throw;
        }
    }

    /// <summary>Builds the unique index of indicators a first read left out when it was killed (see <see cref="IndicatorKey"/>).</summary>
    private static void RestoreIndicatorKey(SqliteConnection connection)
    {
        try
        {
            SqliteErrors.Guard(() =>
            {
                if (!IndicatorKey.Exists(connection))
                {
                    IndicatorKey.Build(connection);
                }
            });
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public ITableRows Tables(ExportCutoff cutoff) => new TableQueries(_connection, cutoff);

    public IFlaggedRows Flagged(ExportCutoff cutoff) => new IntelQueries(_connection, cutoff);

    public void Dispose()
    {
        _connection.Dispose();
        _lock?.Dispose();
    }
}
