namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// The statements of <see cref="ChangeDetector"/>. "Current" means what this export writes: the verdict of every
/// answered indicator and every related item of its answer, for indicators imported since <c>$since</c>.
/// </summary>
internal static class ChangeSql
{
    /// <summary>
    /// Records the differences between the current facts and the snapshot of the previous export: a fact only in the
    /// snapshot was removed, one only in the current facts was added (a changed verdict is both). Ordered per indicator,
    /// its verdict before its related items, removed before added, so the history reads like a diff.
    /// </summary>
    public const string RecordDifferences =
        """
        INSERT INTO changes (detected_at, run_id, change, indicator_id, votes, relation, related, related_type)
        SELECT $now, $run, change, indicator_id, votes, relation, related, related_type FROM (
            SELECT 'removed' AS change, e.indicator_id, e.votes, NULL AS relation, NULL AS related, NULL AS related_type
            FROM exported_verdicts e
            WHERE NOT EXISTS (SELECT 1 FROM indicators i JOIN answers a ON a.indicator_id = i.id
                              WHERE i.id = e.indicator_id AND i.last_imported_at >= $since AND a.votes IS e.votes)
            UNION ALL
            SELECT 'added', i.id, a.votes, NULL, NULL, NULL
            FROM indicators i JOIN answers a ON a.indicator_id = i.id
            WHERE i.last_imported_at >= $since
              AND NOT EXISTS (SELECT 1 FROM exported_verdicts e WHERE e.indicator_id = i.id AND e.votes IS a.votes)
            UNION ALL
            SELECT 'removed', e.indicator_id, NULL, e.relation, e.related, e.related_type
            FROM exported_relations e
            WHERE NOT EXISTS (SELECT 1 FROM relations r JOIN indicators i ON i.id = r.indicator_id
                              JOIN answers a ON a.indicator_id = r.indicator_id
                              WHERE r.indicator_id = e.indicator_id AND r.relation = e.relation AND r.related = e.related
                                AND i.last_imported_at >= $since)
            UNION ALL
            SELECT 'added', r.indicator_id, NULL, r.relation, r.related, r.related_type
            FROM relations r JOIN indicators i ON i.id = r.indicator_id
            JOIN answers a ON a.indicator_id = r.indicator_id
            WHERE i.last_imported_at >= $since
              AND NOT EXISTS (SELECT 1 FROM exported_relations e
                              WHERE e.indicator_id = r.indicator_id AND e.relation = r.relation AND e.related = r.related)
        )
        ORDER BY indicator_id, relation IS NOT NULL, relation, related, change DESC
        """;

    /// <summary>Applies the differences just recorded (ids above <c>$before</c>) to the snapshot: removals first.</summary>
    public const string ApplyToSnapshot =
        """
        DELETE FROM exported_verdicts
        WHERE indicator_id IN (SELECT indicator_id FROM changes WHERE id > $before AND relation IS NULL AND change = 'removed');
        INSERT INTO exported_verdicts (indicator_id, votes)
        SELECT indicator_id, votes FROM changes WHERE id > $before AND relation IS NULL AND change = 'added';
        DELETE FROM exported_relations
        WHERE (indicator_id, relation, related) IN (SELECT indicator_id, relation, related FROM changes
                                                    WHERE id > $before AND relation IS NOT NULL AND change = 'removed');
        INSERT INTO exported_relations (indicator_id, relation, related, related_type)
        SELECT indicator_id, relation, related, related_type FROM changes WHERE id > $before AND relation IS NOT NULL AND change = 'added';
        """;

    /// <summary>Forgets changes detected before <c>$keepSince</c> (Output:ChangesKeep).</summary>
    public const string Prune = "DELETE FROM changes WHERE detected_at < $keepSince";
}
