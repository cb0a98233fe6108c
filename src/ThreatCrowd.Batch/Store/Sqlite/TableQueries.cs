using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// Streams the rows of each output table straight from the store, one reader each, in a stable order
/// (import order for indicators, then relation and value) so that unchanged data gives byte-identical files.
/// Indicators older than the <see cref="ExportCutoff"/> are left out, and their related items with them.
/// </summary>
/// <remarks>
/// The indicators and relations tables are joins over millions of rows. Rather than ask SQLite to join (a lookup
/// per row, and for the per-indicator counts a temporary index over every relation), each side is read in the order
/// of its own primary key, which costs no sort, and the sides are merged here by indicator id: one pass over each
/// table. The rows are the same as those of the plain SQL joins written in each method's comment.
/// </remarks>
internal sealed class TableQueries(SqliteConnection connection, ExportCutoff cutoff) : ITableRows
{
    /// <summary>Each indicator with its answer, if any, in import order.</summary>
    private const string IndicatorsSql =
        """
        SELECT i.id, i.value, i.type, i.state, a.votes, a.md5, a.sha1, a.permalink, i.first_imported_at, a.answered_at, i.depth
        FROM indicators i
        LEFT JOIN answers a ON a.indicator_id = i.id
        WHERE i.last_imported_at >= ?1
        ORDER BY i.id
        """;

    private const string ProvenanceSql = "SELECT indicator_id, source_id, context FROM provenance ORDER BY indicator_id, source_id";

    private const string RelationCountsSql =
        "SELECT indicator_id, relation, count(*) FROM relations GROUP BY indicator_id, relation ORDER BY indicator_id, relation";

    /// <summary>The indicators that have an answer, the only ones whose relations are listed.</summary>
    private const string AnsweredSql =
        """
        SELECT i.id, i.value, i.type, a.answered_at
        FROM indicators i
        JOIN answers a ON a.indicator_id = i.id
        WHERE i.last_imported_at >= ?1
        ORDER BY i.id
        """;

    private const string RelationsSql =
        "SELECT indicator_id, relation, related, related_type, last_resolved FROM relations ORDER BY indicator_id, relation, related";

    private const string RejectsSql =
        """
        SELECT s.name, r.line, r.value, r.reason
        FROM rejects r JOIN sources s ON s.id = r.source_id
        ORDER BY s.name, r.line, r.rowid
        """;

    /// <summary>
    /// The rows of <c>SELECT i.value, i.type, i.state, a.votes, EXISTS (a feed among its sources), the count of each
    /// relation kind, a.md5, a.sha1, a.permalink, group_concat(source names in BINARY order, ';'),
    /// i.first_imported_at, a.answered_at FROM indicators i LEFT JOIN answers a ... ORDER BY i.id</c>.
    /// </summary>
    public IEnumerable<IndicatorRow> Indicators()
    {
        var sources = new IndicatorSources(LoadSources());
        using var indicators = new PreparedStatement(connection, IndicatorsSql).Bind(1, cutoff.ImportedSinceMs);
        using var provenance = new MergeCursor(new PreparedStatement(connection, ProvenanceSql));
        using var counts = new MergeCursor(new PreparedStatement(connection, RelationCountsSql));
        var types = new TextCache();
        var states = new TextCache();
        while (indicators.Step())
        {
            var id = indicators.Int64(0);
            sources.Clear();
            for (var p = provenance.SeekTo(id); p is not null; p = provenance.Next(id))
            {
                sources.Add(p.Int64(1), p.IsNull(2) ? null : p.Text(2));
            }

            var perKind = default(RelationCounts);
            for (var c = counts.SeekTo(id); c is not null; c = counts.Next(id))
            {
                if (RelationKindNames.TryParse(c.Text(1), out var kind))
                {
                    perKind[kind] += (int)c.Int64(2);
                }
            }

            int? votes = indicators.IsNull(4) ? null : (int)indicators.Int64(4);
            yield return new IndicatorRow(
                indicators.Text(1), types.Get(indicators.Utf8(2)), states.Get(indicators.Utf8(3)), votes, CrowdVerdict.FromVotes(votes), sources.InFeed,
                perKind, indicators.NullableText(5), indicators.NullableText(6), indicators.NullableText(7), sources.Names(),
                UnixMs.To(indicators.Int64(8)), indicators.IsNull(9) ? null : UnixMs.To(indicators.Int64(9)))
            {
                Depth = (int)indicators.Int64(10),
                Context = sources.Context(),
            };
        }
    }

    /// <summary>
    /// The rows of <c>SELECT i.value, i.type, r.relation, r.related, r.related_type, r.last_resolved, a.answered_at
    /// FROM relations r JOIN indicators i ON i.id = r.indicator_id JOIN answers a ON a.indicator_id = r.indicator_id
    /// ORDER BY r.indicator_id, r.relation, r.related</c>.
    /// </summary>
    public IEnumerable<RelationRow> Relations()
    {
        using var answered = new PreparedStatement(connection, AnsweredSql).Bind(1, cutoff.ImportedSinceMs);
        using var relations = new PreparedStatement(connection, RelationsSql);
        long ownerId = long.MinValue, answeredId = long.MinValue;
        string value = "", type = "";
        var lookedUpAt = default(DateTimeOffset);
        var answeredLeft = true;
        var kinds = new TextCache();
        var types = new TextCache();
        var dates = new TextCache();
        while (relations.Step())
        {
            var id = relations.Int64(0);
            if (id != ownerId)
            {
                // Both sides ascend by indicator id: move the answered side up to this id, reading its columns once
                // for all of the indicator's relations.
                while (answeredLeft && answeredId < id)
                {
                    answeredLeft = answered.Step();
                    answeredId = answeredLeft ? answered.Int64(0) : long.MaxValue;
                }

                if (answeredId != id)
                {
                    continue;
                }

                ownerId = id;
                value = answered.Text(1);
                type = answered.Text(2);
                lookedUpAt = UnixMs.To(answered.Int64(3));
            }

            yield return new RelationRow(
                value, type, kinds.Get(relations.Utf8(1)), relations.Text(2), types.Get(relations.Utf8(3)),
                relations.IsNull(4) ? null : dates.Get(relations.Utf8(4)), lookedUpAt);
        }
    }

    public IEnumerable<RejectRow> Rejects() => RowStream.Read(connection, RejectsSql).Select(StoredRows.Reject);

    public IEnumerable<ChangeRow> Changes() => RowStream.Read(connection, StoredRows.ChangesSql).Select(StoredRows.Change);

    private SourceNames LoadSources() =>
        SourceNames.From(RowStream.Read(connection, "SELECT id, name, kind FROM sources").Select(r => (r.GetInt64(0), r.GetString(1), r.GetString(2))).ToList());
}
