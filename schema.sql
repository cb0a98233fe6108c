-- The ThreatCrowd.Batch store. The program applies this very file (embedded at build) to a new store.
-- Its version is SQLite's user_version: raise it with every change to this file and add the step that brings
-- a store of the previous version up to it in src/ThreatCrowd.Batch/Store/Migrations.cs.
-- Times are Unix milliseconds (UTC): compact, sortable, and exact enough to pace requests across restarts.
PRAGMA user_version = 8;

-- One row per distinct indicator (type + normalized value): the queue and its checkpoint state.
CREATE TABLE indicators (
    id                INTEGER PRIMARY KEY,
    type              TEXT    NOT NULL CHECK (type IN ('domain', 'ip', 'email', 'file', 'antivirus')),
    value             TEXT    NOT NULL,
    first_imported_at INTEGER NOT NULL,
    last_imported_at  INTEGER NOT NULL,
    -- pending: never answered; found / not_found: the latest answer; failed: the latest attempt failed
    -- (an earlier answer, if any, stays in answers and relations and is still exported).
    state             TEXT    NOT NULL DEFAULT 'pending'
                              CHECK (state IN ('pending', 'found', 'not_found', 'failed')),
    looked_up_at      INTEGER,          -- when the answer in answers was received
    failures          INTEGER NOT NULL DEFAULT 0,  -- runs in a row that ended in failure for this indicator
    last_error        TEXT,
    retry_after       INTEGER,          -- failed: not asked again before this time
    -- 0: named by an input or feed; n: reached by n pivots from one (the least such n).
    depth             INTEGER NOT NULL DEFAULT 0
);

-- One indicator per type and value. An index of its own rather than a UNIQUE constraint in the table, which SQLite
-- could not drop: a first read into an empty store leaves it out and builds it once at the end, by one sort, instead of
-- inserting millions of random keys one by one (see Store/Sqlite/IndicatorKey.cs).
CREATE UNIQUE INDEX indicators_type_value ON indicators (type, value);

-- What status and resume ask of a store of millions without reading it through: how many indicators there are of
-- each type in each state, and the indexes that find the few due indicators that are not pending. A change of
-- state and a deletion are counted by the triggers below; a new indicator by the statement's own writer, in the
-- same transaction (the import adds each batch's per type): a trigger started for every one of a million imported
-- rows cost more than the count itself. Whatever inserts indicators must add them here. Pending rows enter none
-- of these indexes, so an import maintains only the table and its unique index.
CREATE TABLE indicator_counts (
    type  TEXT    NOT NULL,
    state TEXT    NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (type, state)
) WITHOUT ROWID;

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

-- Where each indicator came from: every CSV file and feed that named it, first and last time.
CREATE TABLE sources (
    id           INTEGER PRIMARY KEY,
    name         TEXT    NOT NULL UNIQUE,   -- the CSV path as given, feed:<url>, or pivot:<from indicator>:<relation>
    kind         TEXT    NOT NULL CHECK (kind IN ('csv', 'feed', 'pivot')),
    last_read_at INTEGER
);

CREATE TABLE provenance (
    indicator_id  INTEGER NOT NULL REFERENCES indicators (id),
    source_id     INTEGER NOT NULL REFERENCES sources (id),
    first_seen_at INTEGER NOT NULL,
    last_seen_at  INTEGER NOT NULL,
    -- What the source said about the indicator when it last named it (malware family, threat type, tags,
    -- confidence), as one short text, or NULL when it said nothing.
    context       TEXT,
    PRIMARY KEY (indicator_id, source_id)
) WITHOUT ROWID;

-- The latest answer per indicator, with the body exactly as received.
CREATE TABLE answers (
    indicator_id INTEGER PRIMARY KEY REFERENCES indicators (id),
    found        INTEGER NOT NULL,
    votes        INTEGER,                   -- -1, 0, 1, or NULL when the answer carried none
    permalink    TEXT,
    md5          TEXT,
    sha1         TEXT,
    raw_body     TEXT    NOT NULL,
    answered_at  INTEGER NOT NULL,
    relations_cut INTEGER NOT NULL DEFAULT 0  -- related items of this answer beyond the cap, not kept
);
CREATE INDEX answers_cut ON answers (relations_cut) WHERE relations_cut > 0;

-- The cleaned related items of each latest answer (one row per indicator, relation and item).
CREATE TABLE relations (
    indicator_id  INTEGER NOT NULL REFERENCES indicators (id),
    relation      TEXT    NOT NULL,
    related       TEXT    NOT NULL,
    related_type  TEXT    NOT NULL,
    last_resolved TEXT,                     -- yyyy-MM-dd, or NULL when the service gave no real date
    PRIMARY KEY (indicator_id, relation, related)
) WITHOUT ROWID;

-- Values from the latest read of each source that were not looked up, and why.
CREATE TABLE rejects (
    source_id INTEGER NOT NULL REFERENCES sources (id),
    line      INTEGER NOT NULL,
    value     TEXT    NOT NULL,
    reason    TEXT    NOT NULL
);
CREATE INDEX rejects_by_source ON rejects (source_id, line);

-- One row per run of the program that imported or looked up, with why it ended.
CREATE TABLE runs (
    id            INTEGER PRIMARY KEY,
    verb          TEXT    NOT NULL,
    started_at    INTEGER NOT NULL,
    ended_at      INTEGER,                  -- NULL: still running, or killed
    ended_because TEXT,
    due_at_start  INTEGER NOT NULL DEFAULT 0,
    looked_up     INTEGER NOT NULL DEFAULT 0,
    found         INTEGER NOT NULL DEFAULT 0,
    not_found     INTEGER NOT NULL DEFAULT 0,
    failed        INTEGER NOT NULL DEFAULT 0
);

-- When the last request started, so that a new process keeps the interval the previous one was keeping.
CREATE TABLE pacing (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    last_request_at INTEGER NOT NULL,
    -- The indicator whose request has started and whose outcome is not stored yet. Left set by a process that
    -- died mid-request: the next run asks that indicator last, so one that crashes the program cannot block the queue.
    in_flight       INTEGER,
    -- The server asked the client to pause (Retry-After): no request of any kind starts before this time.
    paused_until    INTEGER,
    pause_reason    TEXT
);

-- What the latest export showed, so that the next one can tell what changed: the verdict (as votes) of every
-- answered indicator and every related item, of indicators not left out by Output:MaxAge.
CREATE TABLE exported_verdicts (
    indicator_id INTEGER PRIMARY KEY REFERENCES indicators (id),
    votes        INTEGER                    -- as in answers: -1, 0, 1 or NULL
);

CREATE TABLE exported_relations (
    indicator_id INTEGER NOT NULL REFERENCES indicators (id),
    relation     TEXT    NOT NULL,
    related      TEXT    NOT NULL,
    related_type TEXT    NOT NULL,
    PRIMARY KEY (indicator_id, relation, related)
) WITHOUT ROWID;

-- What each export found added to or removed from the snapshot above, in the order found; older than
-- Output:ChangesKeep is deleted at export. A row without a relation is a verdict; one with a relation, a related item.
CREATE TABLE changes (
    id           INTEGER PRIMARY KEY,
    detected_at  INTEGER NOT NULL,
    run_id       INTEGER REFERENCES runs (id),   -- NULL: found by an export or import outside a run
    change       TEXT    NOT NULL CHECK (change IN ('added', 'removed')),
    indicator_id INTEGER NOT NULL REFERENCES indicators (id),
    votes        INTEGER,
    relation     TEXT,
    related      TEXT,
    related_type TEXT
);
CREATE INDEX changes_by_time ON changes (detected_at);

-- The analysts' verdicts submitted to vote.php, one row per indicator and verdict, so that each is sent once:
-- pending until the service acknowledged it with a 2xx, then sent; failed when it answered with a 4xx.
CREATE TABLE votes (
    id          INTEGER PRIMARY KEY,
    type        TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    verdict     TEXT    NOT NULL CHECK (verdict IN ('malicious', 'not_malicious')),
    state       TEXT    NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    queued_at   INTEGER NOT NULL,
    sent_at     INTEGER,                    -- when the acknowledged request started
    http_status INTEGER,
    last_error  TEXT,
    UNIQUE (type, value, verdict)
);
