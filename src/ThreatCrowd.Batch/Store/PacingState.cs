using Dapper;
using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// The start time of the last request, kept in the store so that a process started right after another one
/// waits out the rest of the interval instead of bursting.
/// </summary>
internal sealed class PacingState(SqliteConnection connection)
{
    public DateTimeOffset? LastRequestAt() =>
        UnixMs.To(connection.ExecuteScalar<long?>("SELECT last_request_at FROM pacing WHERE id = 1"));

    public void RecordRequest(DateTimeOffset startedAt) =>
        connection.Execute(
            "INSERT INTO pacing (id, last_request_at) VALUES (1, $at) ON CONFLICT (id) DO UPDATE SET last_request_at = excluded.last_request_at",
            new { at = UnixMs.From(startedAt) });
}
