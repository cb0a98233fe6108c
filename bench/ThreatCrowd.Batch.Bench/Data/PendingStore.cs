using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Bench.Data;

/// <summary>A store of <c>count</c> imported indicators, none looked up yet: all of them due.</summary>
internal static class PendingStore
{
    private static readonly DateTimeOffset ImportedAt = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public static string Ensure(string directory, long seed, int count)
    {
        Directory.CreateDirectory(directory);
        return StoreFiles.Ensure(Path.Combine(directory, $"pending-{count}-seed{seed}.db"), connection => Fill(connection, seed, count));
    }

    private static void Fill(SqliteConnection connection, long seed, int count)
    {
        using var transaction = connection.BeginTransaction();
        using var source = StoreFiles.Prepare(connection, transaction, "INSERT INTO sources (id, name, kind, last_read_at) VALUES (1, $p1, 'csv', $p2)", 2);
        var at = ImportedAt.ToUnixTimeMilliseconds();
        StoreFiles.Run(source, "exports/siem.csv", at);
        using var indicator = StoreFiles.Prepare(
            connection,
            transaction,
            "INSERT OR IGNORE INTO indicators (id, type, value, first_imported_at, last_imported_at) VALUES ($p1, $p2, $p3, $p4, $p4)",
            4);
        using var provenance = StoreFiles.Prepare(
            connection, transaction, "INSERT INTO provenance (indicator_id, source_id, first_seen_at, last_seen_at) VALUES ($p1, 1, $p2, $p2)", 2);
        // Random values collide now and then (addresses most): a collision takes the next index, not an id.
        long id = 1;
        for (long index = 0; id <= count; index++)
        {
            var type = TypeOf(seed, index);
            if (StoreFiles.Run(indicator, id, type.ToName(), IndicatorValues.Normalized(type, seed, index), at) == 1)
            {
                StoreFiles.Run(provenance, id, at);
                id++;
            }
        }

        transaction.Commit();
    }

    // Only types the stand-in answers "not found" for at once; the mix does not matter to the queue.
    private static IndicatorType TypeOf(long seed, long id) => new SplitMix(seed ^ 0x3333, id).Below(10) switch
    {
        < 5 => IndicatorType.Domain,
        < 8 => IndicatorType.Ip,
        _ => IndicatorType.File,
    };
}
