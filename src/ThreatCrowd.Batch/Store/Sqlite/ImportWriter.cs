using System.Globalization;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// Writes one read of one source into the store: each accepted indicator (collapsing duplicates, recording
/// provenance) and each reject. The previous read's rejects of that source are replaced, so rejects.csv always
/// describes the inputs as they are now. Commits every <see cref="DefaultBatchSize"/> rows so a huge file neither holds
/// one giant transaction nor loses more than a moment's work to an interruption; a re-read is harmless.
/// </summary>
/// <remarks>
/// This is the import's hot path, a few microseconds per row, so: statements run through
/// <see cref="PreparedStatement"/>; a batch is large, because every commit rewrites each index page the batch
/// touched (scattered all over a unique index of random values) into the WAL; the page cache is enlarged while
/// importing so that index stays in memory; and CHECK constraints are not evaluated for these statements.
/// New indicators are counted per type in memory and added to the kept counts once per batch (see
/// <see cref="CreatedCounts"/>).
/// SQLite evaluates a CHECK of the form <c>x IN (...)</c> by building a temporary table of the list on every
/// run of a statement, which doubled the cost of an insert; the values written here are the program's own
/// (a type name from <see cref="IndicatorType"/>, the default state), never input, so the constraints hold anyway.
/// Both settings are put back when the writer is disposed, and the cache's pages are freed then
/// (<c>PRAGMA shrink_memory</c>): what follows an import in the same process (the export) would otherwise add its
/// memory to theirs (peak RSS of the 1M import verb 232 MB → 213 MB).
/// A first read into an empty store goes without the unique index of indicators and builds it at its end
/// (<see cref="AddToFirstRead"/>, <see cref="IndicatorKey"/>): the per-row insert into that index is what grew with the store.
/// </remarks>
internal sealed class ImportWriter : IImportWriter
{
    /// <summary>
    /// The page cache while importing, in KiB: the unique index of about two million indicators. Beyond what the cache
    /// holds, nearly every insert reads an index page from the OS and writes a dirty one out, so the cost per row
    /// grows with the store (a 4M import took 6.4x the CPU of a 1M one with 32 MB, 4.7x with this); the cache is
    /// filled only as far as the store needs it, and the peak RSS of an import that fills it is about 210 MB.
    /// </summary>
    public const int ImportCacheKiB = 96 * 1024;

    /// <summary>
    /// The page cache of a first read, in KiB: its rows are appended, so only the last pages are written again. The
    /// same is the sort's memory when the index is built (SQLite sorts runs of that size, then merges them from
    /// temporary files), kept small so that the fingerprints, the cache and the sort stay well within the memory target.
    /// </summary>
    public const int FirstReadCacheKiB = 16 * 1024;

    /// <summary>Rows per commit: a second or two of work, so an interruption loses little.</summary>
    public const int DefaultBatchSize = 250_000;

    /// <summary>A reject keeps the start of its value: enough to find the row, not a 10 MB cell in rejects.csv.</summary>
    private const int MaxRejectValueLength = 256;

    private readonly SqliteConnection _connection;
    private readonly long _now;
    private readonly long _sourceId;
    private readonly long _previousCacheSize;
    private readonly PreparedStatement _insertIndicator;
    private readonly PreparedStatement _touchIndicator;
    private readonly PreparedStatement _upsertProvenance;
    private readonly PreparedStatement _provenanceOfNew;
    private readonly PreparedStatement _insertReject;
    private readonly PreparedStatement _setContext;
    private readonly PreparedStatement _addCounts;
    private readonly PreparedStatement _appendIndicator;
    private readonly PreparedStatement _isStored;

    /// <summary>
    /// Set while this is a first read into an empty store whose unique index is left out (see <see cref="IndicatorKey"/>):
    /// the indicators created so far by fingerprint, which tell a first mention from a possible repeat.
    /// </summary>
    private FirstReadIndex? _firstRead;

    /// <summary>Indicators created since the last commit, by <see cref="IndicatorType"/>: the batch's addition to the kept counts.</summary>
    private readonly long[] _createdByType = new long[Enum.GetValues<IndicatorType>().Length];

    /// <summary>What the source said about indicators created since the last batch of provenance, written after it.</summary>
    private readonly List<(long Id, string Context)> _contextOfNew = [];

    /// <summary>Ids above this one were created by this read (ids are handed out in ascending order).</summary>
    private readonly long _lastIdBefore;

    /// <summary>The highest id created by this read, and the highest whose provenance is written.</summary>
    private long _lastNewId;
    private long _lastIdWithProvenance;
    private readonly int _batchSize;
    private SqliteTransaction _transaction;
    private int _pending;

    /// <param name="firstReadLimit">Most indicators a first read into an empty store holds by fingerprint before it builds the index.</param>
    public ImportWriter(
        SqliteConnection connection, string sourceName, SourceKind kind, DateTimeOffset now, int batchSize = DefaultBatchSize, int firstReadLimit = FirstReadIndex.MaxCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _connection = connection;
        _batchSize = batchSize;
        _now = UnixMs.From(now);
        try
        {
            _previousCacheSize = Scalar("PRAGMA cache_size");
            Execute(string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{ImportCacheKiB}; PRAGMA ignore_check_constraints = ON"));
            _transaction = connection.BeginTransaction();
            _sourceId = UpsertSource(sourceName, kind);
            Execute("DELETE FROM rejects WHERE source_id = $source", ("$source", _sourceId));

            // A new indicator is inserted; one already stored only has its last import time moved.
            _insertIndicator = new PreparedStatement(
                connection,
                "INSERT INTO indicators (type, value, first_imported_at, last_imported_at) VALUES (?1, ?2, ?3, ?3) ON CONFLICT (type, value) DO NOTHING");
            _touchIndicator = new PreparedStatement(
                connection,
                // Named by an input, an indicator first found as a pivot becomes a direct input: depth 0.
                "UPDATE indicators SET last_imported_at = ?3, depth = 0 WHERE type = ?1 AND value = ?2 RETURNING id");

            // The WHERE makes a second mention within this same read change nothing: that is how duplicates are counted.
            _upsertProvenance = new PreparedStatement(
                connection,
                """
                INSERT INTO provenance (indicator_id, source_id, first_seen_at, last_seen_at, context) VALUES (?1, ?2, ?3, ?3, ?4)
                ON CONFLICT (indicator_id, source_id) DO UPDATE SET last_seen_at = excluded.last_seen_at, context = excluded.context
                WHERE last_seen_at < excluded.last_seen_at
                """);
            _setContext = new PreparedStatement(connection, "UPDATE provenance SET context = ?3 WHERE indicator_id = ?1 AND source_id = ?2");
            _insertReject = new PreparedStatement(connection, "INSERT INTO rejects (source_id, line, value, reason) VALUES (?1, ?2, ?3, ?4)");

            // The indicators this read creates get their provenance in one statement per batch rather than one per row.
            _provenanceOfNew = new PreparedStatement(
                connection,
                "INSERT INTO provenance (indicator_id, source_id, first_seen_at, last_seen_at) SELECT id, ?1, ?2, ?2 FROM indicators WHERE id > ?3 AND id <= ?4");
            _addCounts = new PreparedStatement(connection, CreatedCounts.AddPendingSql);
            _appendIndicator = new PreparedStatement(
                connection,
                "INSERT INTO indicators (type, value, first_imported_at, last_imported_at) VALUES (?1, ?2, ?3, ?3)");
            _isStored = new PreparedStatement(connection, "SELECT 1 FROM indicators WHERE id = ?1 AND type = ?2 AND value = ?3");
            _lastIdBefore = Scalar("SELECT coalesce(max(id), 0) FROM indicators");
            _lastNewId = _lastIdWithProvenance = _lastIdBefore;
            if (_lastIdBefore == 0)
            {
                // The statements above are prepared first: the upsert names the index's columns as its conflict target,
                // which SQLite checks when preparing, and it runs again only once the index is back.
                IndicatorKey.Drop(connection, _transaction);
                _firstRead = new FirstReadIndex(firstId: 1, firstReadLimit);
                SetCache(FirstReadCacheKiB);
            }
        }
        catch (SqliteException e)
        {
            // Nothing of this read stays open on the connection: the next read, or the next checkpoint, starts afresh.
            ReleaseAfterFailedStart();
            throw SqliteErrors.Translate(e);
        }
    }

    public long Accepted { get; private set; }

    public long Duplicates { get; private set; }

    public long Rejected { get; private set; }

    /// <summary>Rows (indicators, repeats and rejects) of this read already committed: what an interruption keeps.</summary>
    public long CommittedRows { get; private set; }

    public void Add(Indicator indicator, string? context = null)
    {
        if (_firstRead is not null)
        {
            AddToFirstRead(indicator, context);
            return;
        }

        var type = indicator.Type.ToName();
        if (_insertIndicator.Bind(1, type).Bind(2, indicator.Value).Bind(3, _now).Execute() == 1)
        {
            Created(indicator.Type, _insertIndicator.LastInsertRowId, context);
            Tick();
            return;
        }

        var id = _touchIndicator.Bind(1, type).Bind(2, indicator.Value).Bind(3, _now).ExecuteInt64()
            ?? throw new InvalidOperationException($"{indicator} was neither inserted nor found.");

        // Created earlier in this same read: a repeat, and its provenance already says "seen now".
        if (id > _lastIdBefore)
        {
            Duplicates++;
        }
        else if (_upsertProvenance.Bind(1, id).Bind(2, _sourceId).Bind(3, _now).BindNullable(4, context).Execute() == 0)
        {
            Duplicates++;
        }
        else
        {
            Accepted++;
        }

        Tick();
    }

    /// <summary>
    /// A mention in a first read: a repeat of an indicator this read created changes nothing (its provenance already
    /// says "seen now", its first context is kept), so only a first mention is written, appended to the table.
    /// </summary>
    private void AddToFirstRead(Indicator indicator, string? context)
    {
        var fingerprint = FirstReadIndex.Fingerprint(indicator.Type, indicator.Value);
        var type = indicator.Type.ToName();
        foreach (var candidate in _firstRead!.Find(fingerprint))
        {
            if (_isStored.Bind(1, candidate).Bind(2, type).Bind(3, indicator.Value).ExecuteInt64() is not null)
            {
                Duplicates++;
                Tick();
                return;
            }
        }

        _appendIndicator.Bind(1, type).Bind(2, indicator.Value).Bind(3, _now).Execute();
        var id = _appendIndicator.LastInsertRowId;
        _firstRead.Add(fingerprint, id);
        Created(indicator.Type, id, context);
        Tick();
        if (_firstRead.IsFull)
        {
            // Larger than the fingerprints may grow: the index is built now and the rest goes the ordinary way.
            EndFirstRead();
        }
    }

    /// <summary>A first mention, of an indicator just inserted: its provenance follows with the batch's (see WriteProvenanceOfNew).</summary>
    private void Created(IndicatorType type, long id, string? context)
    {
        _lastNewId = id;
        _createdByType[(int)type]++;
        if (context is not null)
        {
            _contextOfNew.Add((id, context));
        }

        Accepted++;
    }

    public void Reject(long line, string value, string reason)
    {
        var kept = value.Length > MaxRejectValueLength ? string.Concat(value.AsSpan(0, MaxRejectValueLength), "…") : value;
        _insertReject.Bind(1, _sourceId).Bind(2, line).Bind(3, kept).Bind(4, reason).Execute();
        Rejected++;
        Tick();
    }

    public void Complete() => SqliteErrors.Guard(() =>
    {
        if (_firstRead is not null)
        {
            EndFirstRead();
        }

        WriteProvenanceOfNew();
        WriteCountsOfNew();
        Execute("UPDATE sources SET last_read_at = $now WHERE id = $source", ("$now", _now), ("$source", _sourceId));
        _transaction.Commit();
        CommittedRows += _pending;
        _pending = 0;
    });

    public void Dispose()
    {
        _insertIndicator.Dispose();
        _touchIndicator.Dispose();
        _upsertProvenance.Dispose();
        _provenanceOfNew.Dispose();
        _insertReject.Dispose();
        _setContext.Dispose();
        _addCounts.Dispose();
        _appendIndicator.Dispose();
        _isStored.Dispose();
        SqliteErrors.Guard(() =>
        {
            _transaction.Dispose();
            if (_firstRead is not null)
            {
                // Interrupted: the batches committed so far stay, and the store gets its index back before it is used.
                _firstRead = null;
                RestoreKeyAfterInterruption();
            }

            using var restore = _connection.CreateCommand();
            restore.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA ignore_check_constraints = OFF; PRAGMA cache_size = {_previousCacheSize}; PRAGMA shrink_memory");
            restore.ExecuteNonQuery();
        });
    }

    private void RestoreKeyAfterInterruption()
    {
        try
        {
            IndicatorKey.Build(_connection);
        }
        catch (SqliteException)
        {
            // Whatever ended the read is the failure worth reporting; the next process to open the store builds the index.
        }
    }

    private void ReleaseAfterFailedStart()
    {
        foreach (var statement in new[] { _insertIndicator, _touchIndicator, _upsertProvenance, _provenanceOfNew, _insertReject, _setContext, _addCounts, _appendIndicator, _isStored })
        {
            statement?.Dispose();
        }

        try
        {
            _transaction?.Dispose();
            if (_previousCacheSize == 0)
            {
                return; // failed before the settings were changed (SQLite's cache size is never 0 by default)
            }

            using var restore = _connection.CreateCommand();
            restore.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA ignore_check_constraints = OFF; PRAGMA cache_size = {_previousCacheSize}; PRAGMA shrink_memory");
            restore.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // The failure that led here is the one worth reporting.
        }
    }

    private void Tick()
    {
        if (++_pending >= _batchSize)
        {
            CommitBatch();
        }
    }

    /// <summary>Kept out of <see cref="Tick"/>, which runs for every row: the commit once a batch is full.</summary>
    private void CommitBatch() => SqliteErrors.Guard(() =>
    {
        WriteProvenanceOfNew();
        WriteCountsOfNew();
        _transaction.Commit();
        CommittedRows += _pending;
        _transaction.Dispose();
        _transaction = _connection.BeginTransaction();
        _pending = 0;
    });

    /// <summary>
    /// The unique index built from the rows this first read has written (committed with them, the batch they close),
    /// after which the writer takes its ordinary path.
    /// </summary>
    private void EndFirstRead()
    {
        _firstRead = null;
        FirstReadIndex.CollectReleased();
        IndicatorKey.Build(_connection, _transaction);
        CommitBatch();
        SetCache(ImportCacheKiB);
    }

    private void SetCache(int kiB) => Execute(string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = -{kiB}"));

    /// <summary>
    /// Provenance rows for the indicators created since the last call, which hold the ids just above the previous
    /// ones, all in one statement: the same rows the per-row upsert would write for a first mention.
    /// </summary>
    private void WriteProvenanceOfNew()
    {
        if (_lastNewId == _lastIdWithProvenance)
        {
            return;
        }

        _provenanceOfNew.Bind(1, _sourceId).Bind(2, _now).Bind(3, _lastIdWithProvenance).Bind(4, _lastNewId).Execute();
        _lastIdWithProvenance = _lastNewId;
        foreach (var (id, context) in _contextOfNew)
        {
            _setContext.Bind(1, id).Bind(2, _sourceId).Bind(3, context).Execute();
        }

        _contextOfNew.Clear();
    }

    /// <summary>The indicators created since the last commit, added to the kept counts in the same transaction.</summary>
    private void WriteCountsOfNew()
    {
        for (var type = 0; type < _createdByType.Length; type++)
        {
            if (_createdByType[type] > 0)
            {
                _addCounts.Bind(1, ((IndicatorType)type).ToName()).Bind(2, _createdByType[type]).Execute();
                _createdByType[type] = 0;
            }
        }
    }

    private long UpsertSource(string name, SourceKind kind)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText =
            """
            INSERT INTO sources (name, kind) VALUES ($name, $kind)
            ON CONFLICT (name) DO UPDATE SET kind = excluded.kind
            RETURNING id
            """;
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$kind", kind == SourceKind.Feed ? "feed" : "csv");
        return (long)command.ExecuteScalar()!;
    }

    private long Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
