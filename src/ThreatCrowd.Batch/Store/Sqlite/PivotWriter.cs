using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// Queues what an answer revealed, inside the answer's own transaction: each item becomes an indicator (or keeps
/// the one already stored, at the lesser depth), with a provenance source named after the path that led to it.
/// An indicator it creates is added to the kept counts here (see <see cref="CreatedCounts"/>).
/// </summary>
internal sealed class PivotWriter(SqliteConnection connection, SqliteTransaction transaction)
{
    public void Add(Indicator target, string sourceName, int depth, DateTimeOffset now)
    {
        var at = UnixMs.From(now);
        var sourceId = connection.ExecuteScalar<long>(
            """
            INSERT INTO sources (name, kind, last_read_at) VALUES ($name, 'pivot', $at)
            ON CONFLICT (name) DO UPDATE SET last_read_at = excluded.last_read_at
            RETURNING id
            """,
            new { name = sourceName, at },
            transaction);
        var type = target.Type.ToName();
        var created = connection.ExecuteScalar<long?>(
            """
            INSERT INTO indicators (type, value, first_imported_at, last_imported_at, depth) VALUES ($type, $value, $at, $at, $depth)
            ON CONFLICT (type, value) DO NOTHING
            RETURNING id
            """,
            new { type, value = target.Value, at, depth },
            transaction);
        if (created is not null)
        {
            using var count = new PreparedStatement(connection, CreatedCounts.AddPendingSql);
            count.Bind(1, type).Bind(2, 1).Execute();
        }

        // An input stays at depth 0, and an item reached by a shorter path keeps that path's depth.
        var indicatorId = created ?? connection.ExecuteScalar<long>(
            """
            UPDATE indicators SET depth = min(depth, $depth), last_imported_at = max(last_imported_at, $at)
            WHERE type = $type AND value = $value
            RETURNING id
            """,
            new { type, value = target.Value, at, depth },
            transaction);
        connection.Execute(
            """
            INSERT INTO provenance (indicator_id, source_id, first_seen_at, last_seen_at) VALUES ($indicatorId, $sourceId, $at, $at)
            ON CONFLICT (indicator_id, source_id) DO UPDATE SET last_seen_at = excluded.last_seen_at
            """,
            new { indicatorId, sourceId, at },
            transaction);
    }
}
