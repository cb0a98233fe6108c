using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Tables;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// Streams the rows of each output table straight from the store, one reader each, in a stable order
/// (import order for indicators, then relation and value) so that unchanged data gives byte-identical files.
/// Indicators older than the <see cref="ExportCutoff"/> are left out, and their related items with them.
/// </summary>
internal sealed class TableQueries(SqliteConnection connection, ExportCutoff cutoff)
{
    public TableQueries(SqliteConnection connection)
        : this(connection, ExportCutoff.None)
    {
    }

    private const string IndicatorsSql =
        """
        SELECT i.value, i.type, i.state, a.votes,
               EXISTS (SELECT 1 FROM provenance p JOIN sources s ON s.id = p.source_id
                       WHERE p.indicator_id = i.id AND s.kind = 'feed') AS in_feed,
               coalesce(c.resolution, 0), coalesce(c.hash, 0), coalesce(c.email, 0), coalesce(c.subdomain, 0),
               coalesce(c.domain, 0), coalesce(c.ip, 0), coalesce(c.reference, 0), coalesce(c.scan, 0),
               a.md5, a.sha1, a.permalink,
               (SELECT group_concat(name, ';') FROM (SELECT s.name FROM provenance p JOIN sources s ON s.id = p.source_id
                                                     WHERE p.indicator_id = i.id ORDER BY s.name)) AS sources,
               i.first_imported_at, a.answered_at, i.depth
        FROM indicators i
        LEFT JOIN answers a ON a.indicator_id = i.id
        LEFT JOIN (SELECT indicator_id,
                          sum(relation = 'resolution') AS resolution, sum(relation = 'hash') AS hash,
                          sum(relation = 'email') AS email, sum(relation = 'subdomain') AS subdomain,
                          sum(relation = 'domain') AS domain, sum(relation = 'ip') AS ip,
                          sum(relation = 'reference') AS reference, sum(relation = 'scan') AS scan
                   FROM relations GROUP BY indicator_id) c ON c.indicator_id = i.id
        WHERE i.last_imported_at >= $since
        ORDER BY i.id
        """;

    private const string RelationsSql =
        """
        SELECT i.value, i.type, r.relation, r.related, r.related_type, r.last_resolved, a.answered_at
        FROM relations r
        JOIN indicators i ON i.id = r.indicator_id
        JOIN answers a ON a.indicator_id = r.indicator_id
        WHERE i.last_imported_at >= $since
        ORDER BY r.indicator_id, r.relation, r.related
        """;

    private const string RejectsSql =
        """
        SELECT s.name, r.line, r.value, r.reason
        FROM rejects r JOIN sources s ON s.id = r.source_id
        ORDER BY s.name, r.line, r.rowid
        """;

    // The whole history the store keeps: exports prune it to Output:ChangesKeep.
    private const string ChangesSql =
        """
        SELECT c.change, i.value, i.type, c.relation, c.related, c.related_type, c.votes, c.run_id, c.detected_at
        FROM changes c JOIN indicators i ON i.id = c.indicator_id
        ORDER BY c.id
        """;

    public IEnumerable<IndicatorRow> Indicators()
    {
        foreach (var r in Read(IndicatorsSql))
        {
            int? votes = r.IsDBNull(3) ? null : r.GetInt32(3);
            yield return new IndicatorRow(
                r.GetString(0), r.GetString(1), r.GetString(2), votes, Verdicts.FromVotes(votes), r.GetBoolean(4),
                r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10), r.GetInt32(11), r.GetInt32(12),
                r.NullableString(13), r.NullableString(14), r.NullableString(15), r.NullableString(16) ?? string.Empty,
                UnixMs.To(r.GetInt64(17)), r.IsDBNull(18) ? null : UnixMs.To(r.GetInt64(18))) { Depth = r.GetInt32(19) };
        }
    }

    public IEnumerable<RelationRow> Relations()
    {
        foreach (var r in Read(RelationsSql))
        {
            yield return new RelationRow(
                r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.NullableString(5), UnixMs.To(r.GetInt64(6)));
        }
    }

    public IEnumerable<RejectRow> Rejects()
    {
        foreach (var r in Read(RejectsSql))
        {
            yield return new RejectRow(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3));
        }
    }

    public IEnumerable<ChangeRow> Changes()
    {
        foreach (var r in Read(ChangesSql))
        {
            var relation = r.NullableString(3);
            int? votes = r.IsDBNull(6) ? null : r.GetInt32(6);
            yield return new ChangeRow(
                r.GetString(0), r.GetString(1), r.GetString(2), relation, r.NullableString(4), r.NullableString(5),
                relation is null ? Verdicts.FromVotes(votes) : null, r.IsDBNull(7) ? null : r.GetInt64(7), UnixMs.To(r.GetInt64(8)));
        }
    }

    private IEnumerable<SqliteDataReader> Read(string sql) => RowStream.Read(connection, sql, ("$since", cutoff.ImportedSinceMs));
}
