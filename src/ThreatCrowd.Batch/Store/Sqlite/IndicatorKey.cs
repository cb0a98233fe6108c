using Dapper;
using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// The unique index on indicators (type, value), which a first read into an empty store drops and builds again at its
/// end (see <see cref="ImportWriter"/>). Inserting millions of random keys one by one costs more per row the larger the
/// index grows past the page cache (a 4M read took 4.7x the time of a 1M one); building the index from the table is
/// one sort, whose cost grows as the rows do.
/// </summary>
/// <remarks>
/// A read interrupted by a hard kill leaves the store without the index. The next process that opens the store to
/// work on it (under the store lock) builds it before anything else (<see cref="SqliteStore.Open"/>): a reader such as
/// <c>status</c> does not, since it could hold the database while a read is still going on in another process; its
/// queries only get slower meanwhile. The rows themselves are never two of one indicator: the read that dropped the
/// index told repeats by <see cref="FirstReadIndex"/> and an exact check.
/// </remarks>
internal static class IndicatorKey
{
    private const string Name = "indicators_type_value";

    public static bool Exists(SqliteConnection connection, SqliteTransaction? transaction = null) =>
        connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = $name", new { name = Name }, transaction) > 0;

    public static void Drop(SqliteConnection connection, SqliteTransaction transaction) =>
        connection.Execute($"DROP INDEX IF EXISTS {Name}", transaction: transaction);

    /// <summary>
    /// Sorts with worker threads: SQLite then sorts runs of the table side by side and merges them, which took the
    /// index of 3.76M indicators from 6.9 s to 4.3 s in the sqlite3 shell (four threads on two cores; each holds a run
    /// of the page cache's size, 16 MB while a first read builds it, so the sort takes about 64 MB more meanwhile,
    /// about what the first read's fingerprints held and let go of just before).
    /// </summary>
    public static void Build(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        connection.Execute($"PRAGMA threads = {SortThreads}", transaction: transaction);
        try
        {
            connection.Execute($"CREATE UNIQUE INDEX IF NOT EXISTS {Name} ON indicators (type, value)", transaction: transaction);
        }
        finally
        {
            connection.Execute("PRAGMA threads = 0", transaction: transaction);
        }
    }

    private const int SortThreads = 4;
}
