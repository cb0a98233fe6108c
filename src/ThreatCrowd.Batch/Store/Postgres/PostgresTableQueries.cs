using Npgsql;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// The rows of each output table on the PostgreSQL store, the same rows in the same order as
/// <see cref="Sqlite.TableQueries"/> gives them on SQLite, so one store's files equal the other's byte for byte.
/// Each table streams through its own cursor (<see cref="PostgresCursor"/>). Text is ordered with <c></c>,
/// the byte order SQLite's BINARY uses, whatever the database's own collation.
/// </summary>
/// <remarks>
/// PostgreSQL joins well, so each table is one query; the per-indicator sources and relation counts come as arrays
/// from grouped subqueries that the planner merges with the indicators in id order, and the source names are ranked
/// here as on SQLite (<see cref="IndicatorSources"/>).
/// </remarks>
internal sealed class PostgresTableQueries(NpgsqlDataSource dataSource, ExportCutoff cutoff) : ITableRows
{
    private const string IndicatorsSql =
        """
        SELECT i.value, i.type, i.state, a.votes, a.md5, a.sha1, a.permalink, i.first_imported_at, a.answered_at, i.depth,
               p.source_ids, p.contexts, c.relations, c.counts
        FROM indicators i
        LEFT JOIN answers a ON a.indicator_id = i.id
        LEFT JOIN (SELECT indicator_id, array_agg(source_id ORDER BY source_id) AS source_ids, array_agg(context ORDER BY source_id) AS contexts
                   FROM provenance GROUP BY indicator_id) p ON p.indicator_id = i.id
        LEFT JOIN (SELECT indicator_id, array_agg(relation) AS relations, array_agg(n) AS counts
                   FROM (SELECT indicator_id, relation, count(*) AS n FROM relations GROUP BY indicator_id, relation) k
                   GROUP BY indicator_id) c ON c.indicator_id = i.id
        WHERE i.last_imported_at >= @since
        ORDER BY i.id
        """;

    /// <summary>Only the relations of answered indicators are listed.</summary>
    private const string RelationsSql =
        """
        SELECT i.value, i.type, r.relation, r.related, r.related_type, r.last_resolved, a.answered_at
        FROM relations r
        JOIN indicators i ON i.id = r.indicator_id
        JOIN answers a ON a.indicator_id = r.indicator_id
        WHERE i.last_imported_at >= @since
        ORDER BY r.indicator_id, r.relation COLLATE "C", r.related COLLATE "C"
        """;

    /// <summary>Within a line, in the order the rejects were written (their id), as SQLite's rowid orders them.</summary>
    private const string RejectsSql =
        """
        SELECT s.name, r.line, r.value, r.reason
        FROM rejects r JOIN sources s ON s.id = r.source_id
        ORDER BY s.name COLLATE "C", r.line, r.id
        """;

    public IEnumerable<IndicatorRow> Indicators()
    {
        var sources = new IndicatorSources(LoadSources());
        foreach (var r in PostgresCursor.Read(dataSource, IndicatorsSql, ("since", cutoff.ImportedSinceMs)))
        {
            sources.Clear();
            if (!r.IsDBNull(10))
            {
                var ids = r.GetFieldValue<long[]>(10);
                var contexts = r.GetFieldValue<string?[]>(11);
                for (var i = 0; i < ids.Length; i++)
                {
                    sources.Add(ids[i], contexts[i]);
                }
            }

            var perKind = default(RelationCounts);
            if (!r.IsDBNull(12))
            {
                var relations = r.GetFieldValue<string[]>(12);
                var counts = r.GetFieldValue<long[]>(13);
                for (var i = 0; i < relations.Length; i++)
                {
                    if (RelationKindNames.TryParse(relations[i], out var kind))
                    {
                        perKind[kind] += (int)counts[i];
                    }
                }
            }

            var votes = r.NullableInt32(3);
            yield return new IndicatorRow(
                r.GetString(0), r.GetString(1), r.GetString(2), votes, CrowdVerdict.FromVotes(votes), sources.InFeed,
                perKind, r.NullableString(4), r.NullableString(5), r.NullableString(6), sources.Names(),
                UnixMs.To(r.GetInt64(7)), r.IsDBNull(8) ? null : UnixMs.To(r.GetInt64(8)))
            {
                Depth = r.GetInt32(9),
                Context = sources.Context(),
            };
        }
    }

    public IEnumerable<RelationRow> Relations()
    {
        foreach (var r in PostgresCursor.Read(dataSource, RelationsSql, ("since", cutoff.ImportedSinceMs)))
        {
            yield return new RelationRow(
                r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.NullableString(5), UnixMs.To(r.GetInt64(6)));
        }
    }

    public IEnumerable<RejectRow> Rejects() => PostgresCursor.Read(dataSource, RejectsSql).Select(StoredRows.Reject);

    public IEnumerable<ChangeRow> Changes() => PostgresCursor.Read(dataSource, StoredRows.ChangesSql).Select(StoredRows.Change);

    private SourceNames LoadSources() =>
        SourceNames.From(PostgresCursor.Read(dataSource, "SELECT id, name, kind FROM sources").Select(r => (r.GetInt64(0), r.GetString(1), r.GetString(2))).ToList());
}
