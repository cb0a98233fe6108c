using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Bench.Data;

/// <summary>
/// The indicators of a <see cref="PendingStore"/>, every one answered "not found" when the copy was built and
/// already exported: a big store with nothing due, as a morning <c>resume</c> or <c>status</c> usually finds it
/// (the bench runs it with a refresh age long enough that the answers never turn stale).
/// </summary>
internal static class AnsweredCopy
{
    public static string Ensure(string directory, string pending, int count, long seed) =>
        StoreFiles.Ensure(Path.Combine(directory, $"answered-{count}-seed{seed}.db"), connection => Fill(connection, pending));

    private static void Fill(SqliteConnection connection, string pending)
    {
        var at = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var attach = connection.CreateCommand();
        attach.CommandText = "ATTACH DATABASE $path AS pending";
        attach.Parameters.AddWithValue("$path", pending);
        attach.ExecuteNonQuery();
        using var transaction = connection.BeginTransaction();
        using var copy = connection.CreateCommand();
        copy.Transaction = transaction;
        copy.CommandText =
            """
            INSERT INTO sources SELECT * FROM pending.sources;
            INSERT INTO indicators (id, type, value, first_imported_at, last_imported_at, state, looked_up_at)
            SELECT id, type, value, first_imported_at, last_imported_at, 'not_found', $at FROM pending.indicators;
            INSERT INTO provenance SELECT * FROM pending.provenance;
            INSERT INTO answers (indicator_id, found, raw_body, answered_at) SELECT id, 0, '{"response_code":"0"}', $at FROM indicators;
            INSERT INTO exported_verdicts (indicator_id, votes) SELECT id, NULL FROM indicators;
            """;
        copy.Parameters.AddWithValue("$at", at);
        copy.ExecuteNonQuery();
        transaction.Commit();
        using var detach = connection.CreateCommand();
        detach.CommandText = "DETACH DATABASE pending";
        detach.ExecuteNonQuery();
    }
}
