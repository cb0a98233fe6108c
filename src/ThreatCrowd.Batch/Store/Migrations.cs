namespace ThreatCrowd.Batch.Store;

/// <summary>
/// The steps that bring a store from one schema version to the next. Step N turns version N into N + 1 and must
/// also set <c>PRAGMA user_version = N + 1</c>. A new store gets schema.sql directly and needs none of them.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyDictionary<int, string> Steps { get; } = new Dictionary<int, string>
    {
        // 1 → 2: the snapshot of the last export and the history of changes between exports. Version 1 exported
        // every answer at the end of every run, so the snapshot starts as the store's answers: the SIEM already
        // holds them, and the first export after the upgrade lists only what really changed since.
        [1] =
            """
            CREATE TABLE exported_verdicts (
                indicator_id INTEGER PRIMARY KEY REFERENCES indicators (id),
                votes        INTEGER
            );

            CREATE TABLE exported_relations (
                indicator_id INTEGER NOT NULL REFERENCES indicators (id),
                relation     TEXT    NOT NULL,
                related      TEXT    NOT NULL,
                related_type TEXT    NOT NULL,
                PRIMARY KEY (indicator_id, relation, related)
            ) WITHOUT ROWID;

            CREATE TABLE changes (
                id           INTEGER PRIMARY KEY,
                detected_at  INTEGER NOT NULL,
                run_id       INTEGER REFERENCES runs (id),
                change       TEXT    NOT NULL CHECK (change IN ('added', 'removed')),
                indicator_id INTEGER NOT NULL REFERENCES indicators (id),
                votes        INTEGER,
                relation     TEXT,
                related      TEXT,
                related_type TEXT
            );
            CREATE INDEX changes_by_time ON changes (detected_at);

            INSERT INTO exported_verdicts (indicator_id, votes)
            SELECT indicator_id, votes FROM answers;
            INSERT INTO exported_relations (indicator_id, relation, related, related_type)
            SELECT r.indicator_id, r.relation, r.related, r.related_type
            FROM relations r JOIN answers a ON a.indicator_id = r.indicator_id;

            PRAGMA user_version = 2;
            """,
    };
}
