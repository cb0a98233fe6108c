using Npgsql;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// The flagged indicators of one type and the items related to them on the PostgreSQL store, the same rows in the
/// same order as <see cref="Sqlite.IntelQueries"/> gives them on SQLite. Both stream in import order.
/// </summary>
internal sealed class PostgresIntelQueries(NpgsqlDataSource dataSource, ExportCutoff cutoff) : IFlaggedRows
{
    /// <summary>The column of the first count; one column follows per <see cref="RelationKind"/>, in its order.</summary>
    private const int FirstCount = 7;

    private const string InFeed =
        "EXISTS (SELECT 1 FROM provenance p JOIN sources s ON s.id = p.source_id WHERE p.indicator_id = i.id AND s.kind = 'feed')";

    private static readonly string ListedSql =
        $"""
        SELECT l.value, l.votes, l.in_feed, l.answered, l.found, l.md5, l.sha1,
               {string.Join(",\n       ", RelationKindNames.All.Select(kind => $"(SELECT count(*) FROM relations r WHERE r.indicator_id = l.id AND r.relation = '{kind.ToName()}')"))}
        FROM (SELECT i.id, i.value, a.votes, {InFeed} AS in_feed,
                     a.indicator_id IS NOT NULL AS answered, coalesce(a.found, false) AS found, a.md5, a.sha1
              FROM indicators i LEFT JOIN answers a ON a.indicator_id = i.id
              WHERE i.type = @type AND i.last_imported_at >= @since) l
        WHERE l.votes < 0 OR l.in_feed
        ORDER BY l.id
        """;

    // Related values are compared lower-cased in ASCII only, as SQLite's lower() does (lower() under the "C"
    // collation leaves other letters as they are); a value that is flagged itself is left out, its own row says
    // more; the value is compared with the stored ones in the database's collation, whose unique index finds them
    // (equality is the same in any). Each value is named with its first parent in import order, as SQLite's
    // min(l.id) picks the row.
    private static readonly string RelatedSql =
        $"""
        WITH mention AS (
            SELECT lower(r.related COLLATE "C") AS related_value, l.id, l.value, r.relation, r.related, l.votes, l.in_feed
            FROM (SELECT i.id, i.value, a.votes, {InFeed} AS in_feed
                  FROM indicators i LEFT JOIN answers a ON a.indicator_id = i.id
                  WHERE i.last_imported_at >= @since) l
            JOIN relations r ON r.indicator_id = l.id
            WHERE (l.votes < 0 OR l.in_feed) AND r.related_type = @type
              AND NOT EXISTS (SELECT 1 FROM indicators d LEFT JOIN answers da ON da.indicator_id = d.id
                              WHERE d.type = @type AND d.value = (lower(r.related COLLATE "C") COLLATE "default") AND d.last_imported_at >= @since
                                AND (da.votes < 0 OR EXISTS (SELECT 1 FROM provenance p JOIN sources s ON s.id = p.source_id
                                                        WHERE p.indicator_id = d.id AND s.kind = 'feed'))))
        SELECT f.related_value, g.parents, f.value, f.relation, f.votes, f.in_feed
        FROM (SELECT DISTINCT ON (related_value) related_value, id, value, relation, votes, in_feed
              FROM mention ORDER BY related_value, id, relation COLLATE "C", related COLLATE "C") f
        JOIN (SELECT related_value, count(DISTINCT id) AS parents FROM mention GROUP BY related_value) g ON g.related_value = f.related_value
        ORDER BY f.id, f.related_value
        """;

    public IEnumerable<ListedIndicator> Listed(string type)
    {
        foreach (var r in PostgresCursor.Read(dataSource, ListedSql, ("type", type), ("since", cutoff.ImportedSinceMs)))
        {
            var counts = default(RelationCounts);
            foreach (var kind in RelationKindNames.All)
            {
                counts[kind] = (int)r.GetInt64(FirstCount + (int)kind);
            }

            yield return new ListedIndicator(
                r.GetString(0), r.NullableInt32(1), r.GetBoolean(2), r.GetBoolean(3), r.GetBoolean(4), r.NullableString(5), r.NullableString(6), counts);
        }
    }

    public IEnumerable<RelatedIndicator> Related(string type)
    {
        foreach (var r in PostgresCursor.Read(dataSource, RelatedSql, ("type", type), ("since", cutoff.ImportedSinceMs)))
        {
            yield return new RelatedIndicator(r.GetString(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.NullableInt32(4), r.GetBoolean(5));
        }
    }
}
