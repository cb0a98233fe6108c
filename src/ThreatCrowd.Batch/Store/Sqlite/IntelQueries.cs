using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// The indicators of one type that the crowd flags as malicious (voted malicious, or named by a feed), and the items
/// related to them, for the threat-intel files. Indicators older than the <see cref="ExportCutoff"/> are left out,
/// as from every table. Both stream in import order.
/// </summary>
internal sealed class IntelQueries(SqliteConnection connection, ExportCutoff cutoff) : IFlaggedRows
{
    private const string ListedSql =
        """
        SELECT l.value, l.votes, l.in_feed, l.answered, l.found, l.md5, l.sha1,
               (SELECT count(*) FROM relations r WHERE r.indicator_id = l.id AND r.relation = 'resolution'),
               (SELECT count(*) FROM relations r WHERE r.indicator_id = l.id AND r.relation = 'hash'),
               (SELECT count(*) FROM relations r WHERE r.indicator_id = l.id AND r.relation = 'email'),
               (SELECT count(*) FROM relations r WHERE r.indicator_id = l.id AND r.relation = 'subdomain'),
               (SELECT count(*) FROM relations r WHERE r.indicator_id = l.id AND r.relation = 'domain'),
               (SELECT count(*) FROM relations r WHERE r.indicator_id = l.id AND r.relation = 'ip'),
               (SELECT count(*) FROM relations r WHERE r.indicator_id = l.id AND r.relation = 'reference'),
               (SELECT count(*) FROM relations r WHERE r.indicator_id = l.id AND r.relation = 'scan')
        FROM (SELECT i.id, i.value, a.votes, EXISTS (SELECT 1 FROM provenance p JOIN sources s ON s.id = p.source_id
                             WHERE p.indicator_id = i.id AND s.kind = 'feed') AS in_feed,
                     a.indicator_id IS NOT NULL AS answered, coalesce(a.found, 0) AS found, a.md5, a.sha1
              FROM indicators i LEFT JOIN answers a ON a.indicator_id = i.id
              WHERE i.type = $type AND i.last_imported_at >= $since) l
        WHERE l.votes < 0 OR l.in_feed
        ORDER BY l.id
        """;

    // Related values are compared lower-cased (the service sends some domains in capitals); a value that is flagged
    // itself is left out, its own row says more. The bare columns come from the row of min(l.id): the first parent.
    private const string RelatedSql =
        """
        SELECT lower(r.related) AS related_value, count(DISTINCT l.id), l.value, r.relation, l.votes, l.in_feed, min(l.id) AS first
        FROM (SELECT i.id, i.value, a.votes, EXISTS (SELECT 1 FROM provenance p JOIN sources s ON s.id = p.source_id
                             WHERE p.indicator_id = i.id AND s.kind = 'feed') AS in_feed
              FROM indicators i LEFT JOIN answers a ON a.indicator_id = i.id
              WHERE i.last_imported_at >= $since) l
        JOIN relations r ON r.indicator_id = l.id
        WHERE (l.votes < 0 OR l.in_feed) AND r.related_type = $type
          AND NOT EXISTS (SELECT 1 FROM indicators d LEFT JOIN answers da ON da.indicator_id = d.id
                          WHERE d.type = $type AND d.value = lower(r.related) AND d.last_imported_at >= $since
                            AND (da.votes < 0 OR EXISTS (SELECT 1 FROM provenance p JOIN sources s ON s.id = p.source_id
                                                    WHERE p.indicator_id = d.id AND s.kind = 'feed')))
        GROUP BY lower(r.related)
        ORDER BY first, related_value
        """;

    public IEnumerable<ListedIndicator> Listed(string type)
    {
        foreach (var r in RowStream.Read(connection, ListedSql, ("$type", type), ("$since", cutoff.ImportedSinceMs)))
        {
            yield return new ListedIndicator(
                r.GetString(0), r.NullableInt32(1), r.GetBoolean(2), r.GetBoolean(3), r.GetBoolean(4), r.NullableString(5), r.NullableString(6),
                new RelationCounts(r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10), r.GetInt32(11), r.GetInt32(12), r.GetInt32(13), r.GetInt32(14)));
        }
    }

    public IEnumerable<RelatedIndicator> Related(string type)
    {
        foreach (var r in RowStream.Read(connection, RelatedSql, ("$type", type), ("$since", cutoff.ImportedSinceMs)))
        {
            yield return new RelatedIndicator(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.NullableInt32(4), r.GetBoolean(5));
        }
    }
}
