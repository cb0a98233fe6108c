namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// The statements of <see cref="PostgresChangeLog"/>, those of <see cref="Sqlite.ChangeSql"/> in PostgreSQL's words:
/// <c>IS NOT DISTINCT FROM</c> for SQLite's <c>IS</c>, text ordered in bytes (<c>COLLATE "C"</c>, SQLite's BINARY),
/// and NULLs placed first as SQLite places them.
/// </summary>
internal static class PostgresChangeSql
{
    /// <summary>
    /// Records the differences between the current facts and the snapshot of the previous export, ordered per
    /// indicator, its verdict before its related items, removed before added; the ids follow that order.
    /// </summary>
    public const string RecordDifferences =
        """
        INSERT INTO changes (detected_at, run_id, change, indicator_id, votes, relation, related, related_type)
        SELECT CAST(@now AS bigint), CAST(@run AS bigint), change, indicator_id, votes, relation, related, related_type FROM (
            SELECT 'removed' AS change, e.indicator_id, e.votes, NULL::text AS relation, NULL::text AS related, NULL::text AS related_type
            FROM exported_verdicts e
            WHERE NOT EXISTS (SELECT 1 FROM indicators i JOIN answers a ON a.indicator_id = i.id
                              WHERE i.id = e.indicator_id AND i.last_imported_at >= @since AND a.votes IS NOT DISTINCT FROM e.votes)
            UNION ALL
            SELECT 'added', i.id, a.votes, NULL, NULL, NULL
            FROM indicators i JOIN answers a ON a.indicator_id = i.id
            WHERE i.last_imported_at >= @since
              AND NOT EXISTS (SELECT 1 FROM exported_verdicts e WHERE e.indicator_id = i.id AND e.votes IS NOT DISTINCT FROM a.votes)
            UNION ALL
            SELECT 'removed', e.indicator_id, NULL, e.relation, e.related, e.related_type
            FROM exported_relations e
            WHERE NOT EXISTS (SELECT 1 FROM relations r JOIN indicators i ON i.id = r.indicator_id
                              JOIN answers a ON a.indicator_id = r.indicator_id
                              WHERE r.indicator_id = e.indicator_id AND r.relation = e.relation AND r.related = e.related
                                AND i.last_imported_at >= @since)
            UNION ALL
            SELECT 'added', r.indicator_id, NULL, r.relation, r.related, r.related_type
            FROM relations r JOIN indicators i ON i.id = r.indicator_id
            JOIN answers a ON a.indicator_id = r.indicator_id
            WHERE i.last_imported_at >= @since
              AND NOT EXISTS (SELECT 1 FROM exported_relations e
                              WHERE e.indicator_id = r.indicator_id AND e.relation = r.relation AND e.related = r.related)
        ) d
        ORDER BY indicator_id, relation IS NOT NULL, relation COLLATE "C" NULLS FIRST, related COLLATE "C" NULLS FIRST, change DESC
        """;

    /// <summary>Applies the differences just recorded (ids above <c>@before</c>) to the snapshot: removals first.</summary>
    public static readonly string[] ApplyToSnapshot =
    [
        """
        DELETE FROM exported_verdicts
        WHERE indicator_id IN (SELECT indicator_id FROM changes WHERE id > @before AND relation IS NULL AND change = 'removed')
        """,
        """
        INSERT INTO exported_verdicts (indicator_id, votes)
        SELECT indicator_id, votes FROM changes WHERE id > @before AND relation IS NULL AND change = 'added'
        """,
        """
        DELETE FROM exported_relations
        WHERE (indicator_id, relation, related) IN (SELECT indicator_id, relation, related FROM changes
                                                    WHERE id > @before AND relation IS NOT NULL AND change = 'removed')
        """,
        """
        INSERT INTO exported_relations (indicator_id, relation, related, related_type)
        SELECT indicator_id, relation, related, related_type FROM changes WHERE id > @before AND relation IS NOT NULL AND change = 'added'
        """,
    ];

    public const string Counts =
        "SELECT count(*) FILTER (WHERE change = 'added'), count(*) FILTER (WHERE change = 'removed') FROM changes WHERE id > @before";

    /// <summary>Forgets changes detected before <c>@keepSince</c> (Output:ChangesKeep).</summary>
    public const string Prune = "DELETE FROM changes WHERE detected_at < @keepSince";
}
