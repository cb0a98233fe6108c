namespace ThreatCrowd.Batch.Store.Sqlite;

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

        // 2 → 3: votes, and pivots. Every stored indicator came from an input or feed, so its depth is 0. SQLite
        // cannot change a CHECK constraint in place, so sources is rebuilt to allow the pivot kind, ids kept.
        [2] =
            """
            ALTER TABLE indicators ADD COLUMN depth INTEGER NOT NULL DEFAULT 0;

            CREATE TABLE sources_v3 (
                id           INTEGER PRIMARY KEY,
                name         TEXT    NOT NULL UNIQUE,
                kind         TEXT    NOT NULL CHECK (kind IN ('csv', 'feed', 'pivot')),
                last_read_at INTEGER
            );
            INSERT INTO sources_v3 (id, name, kind, last_read_at) SELECT id, name, kind, last_read_at FROM sources;
            DROP TABLE sources;
            ALTER TABLE sources_v3 RENAME TO sources;

            CREATE TABLE votes (
                id          INTEGER PRIMARY KEY,
                type        TEXT    NOT NULL,
                value       TEXT    NOT NULL,
                verdict     TEXT    NOT NULL CHECK (verdict IN ('malicious', 'not_malicious')),
                state       TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
                queued_at   INTEGER NOT NULL,
                sent_at     INTEGER,
                http_status INTEGER,
                last_error  TEXT,
                UNIQUE (type, value, verdict)
            );

            PRAGMA user_version = 3;
            """,

        // 3 → 4: the indicator in flight, so that a run can tell which one a dead process was asking.
        [3] =
            """
            ALTER TABLE pacing ADD COLUMN in_flight INTEGER;

            PRAGMA user_version = 4;
            """,

        // 4 → 5: what a source said about an indicator, the related items cut from an over-long answer, and a
        // pause the server asked for. All new columns are empty or zero for what is already stored.
        [4] =
            """
            ALTER TABLE provenance ADD COLUMN context TEXT;
            ALTER TABLE answers ADD COLUMN relations_cut INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE pacing ADD COLUMN paused_until INTEGER;
            ALTER TABLE pacing ADD COLUMN pause_reason TEXT;

            PRAGMA user_version = 5;
            """,

        // 5 → 6: counts of indicators by type and state kept by triggers, and partial indexes over the few due
        // indicators that are not pending, so that status and resume answer at once on a store of millions. The
        // counts start from one pass over the table: the only full scan the upgrade costs.
        [5] =
            """
            CREATE TABLE indicator_counts (
                type  TEXT    NOT NULL,
                state TEXT    NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (type, state)
            ) WITHOUT ROWID;
            INSERT INTO indicator_counts (type, state, count) SELECT type, state, count(*) FROM indicators GROUP BY type, state;

            CREATE TRIGGER indicator_counts_insert AFTER INSERT ON indicators
            BEGIN
                INSERT INTO indicator_counts (type, state, count) VALUES (new.type, new.state, 1)
                ON CONFLICT (type, state) DO UPDATE SET count = count + 1;
            END;

            CREATE TRIGGER indicator_counts_update AFTER UPDATE OF type, state ON indicators
            WHEN old.type IS NOT new.type OR old.state IS NOT new.state
            BEGIN
                UPDATE indicator_counts SET count = count - 1 WHERE type = old.type AND state = old.state;
                INSERT INTO indicator_counts (type, state, count) VALUES (new.type, new.state, 1)
                ON CONFLICT (type, state) DO UPDATE SET count = count + 1;
            END;

            CREATE TRIGGER indicator_counts_delete AFTER DELETE ON indicators
            BEGIN
                UPDATE indicator_counts SET count = count - 1 WHERE type = old.type AND state = old.state;
            END;

            CREATE INDEX indicators_failed ON indicators (retry_after) WHERE state = 'failed';
            CREATE INDEX indicators_answered ON indicators (looked_up_at) WHERE state IN ('found', 'not_found');
            CREATE INDEX indicators_pending_timed ON indicators (looked_up_at) WHERE state = 'pending' AND looked_up_at IS NOT NULL;
            CREATE INDEX indicators_pivots ON indicators (depth, state) WHERE depth > 0;
            CREATE INDEX answers_cut ON answers (relations_cut) WHERE relations_cut > 0;

            PRAGMA user_version = 6;
            """,

        // 6 → 7: new indicators are counted by the writers that insert them (ImportWriter per batch, PivotWriter per
        // row), no longer by a trigger started for every inserted row. The counts already kept stay as they are.
        [6] =
            """
            DROP TRIGGER indicator_counts_insert;

            PRAGMA user_version = 7;
            """,

        // 7 → 8: the UNIQUE (type, value) constraint becomes the index indicators_type_value, which a first read into
        // an empty store can leave out and build at its end. SQLite cannot drop a table's constraint, so indicators is
        // rebuilt with its ids, and its triggers and indexes made again (dropping the old table dropped them).
        [7] =
            """
            CREATE TABLE indicators_v8 (
                id                INTEGER PRIMARY KEY,
                type              TEXT    NOT NULL CHECK (type IN ('domain', 'ip', 'email', 'file', 'antivirus')),
                value             TEXT    NOT NULL,
                first_imported_at INTEGER NOT NULL,
                last_imported_at  INTEGER NOT NULL,
                state             TEXT    NOT NULL DEFAULT 'pending'
                                          CHECK (state IN ('pending', 'found', 'not_found', 'failed')),
                looked_up_at      INTEGER,
                failures          INTEGER NOT NULL DEFAULT 0,
                last_error        TEXT,
                retry_after       INTEGER,
                depth             INTEGER NOT NULL DEFAULT 0
            );
            INSERT INTO indicators_v8 (id, type, value, first_imported_at, last_imported_at, state, looked_up_at, failures, last_error, retry_after, depth)
            SELECT id, type, value, first_imported_at, last_imported_at, state, looked_up_at, failures, last_error, retry_after, depth FROM indicators;
            DROP TABLE indicators;
            ALTER TABLE indicators_v8 RENAME TO indicators;

            CREATE UNIQUE INDEX indicators_type_value ON indicators (type, value);

            CREATE TRIGGER indicator_counts_update AFTER UPDATE OF type, state ON indicators
            WHEN old.type IS NOT new.type OR old.state IS NOT new.state
            BEGIN
                UPDATE indicator_counts SET count = count - 1 WHERE type = old.type AND state = old.state;
                INSERT INTO indicator_counts (type, state, count) VALUES (new.type, new.state, 1)
                ON CONFLICT (type, state) DO UPDATE SET count = count + 1;
            END;

            CREATE TRIGGER indicator_counts_delete AFTER DELETE ON indicators
            BEGIN
                UPDATE indicator_counts SET count = count - 1 WHERE type = old.type AND state = old.state;
            END;

            CREATE INDEX indicators_failed ON indicators (retry_after) WHERE state = 'failed';
            CREATE INDEX indicators_answered ON indicators (looked_up_at) WHERE state IN ('found', 'not_found');
            CREATE INDEX indicators_pending_timed ON indicators (looked_up_at) WHERE state = 'pending' AND looked_up_at IS NOT NULL;
            CREATE INDEX indicators_pivots ON indicators (depth, state) WHERE depth > 0;

            PRAGMA user_version = 8;
            """,
    };
}
