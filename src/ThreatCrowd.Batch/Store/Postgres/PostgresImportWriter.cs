using Npgsql;
using NpgsqlTypes;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// Writes one read of one source into the PostgreSQL store, as <see cref="Sqlite.ImportWriter"/> does into SQLite (the same
/// counts, the same rows): each accepted indicator with its provenance, and each reject, replacing the source's
/// previous rejects. Rows stream through Npgsql's binary COPY into a temporary staging table as they come; every
/// <see cref="DefaultBatchSize"/> rows the batch is merged into indicators and provenance with two set statements
/// and committed, so memory stays flat whatever the size of the file and an interruption loses one batch at most.
/// </summary>
/// <remarks>
/// A repeat is told from an accepted mention the way the SQLite writer tells it: the provenance row of this source
/// already says "seen at this read's time". The merge upserts provenance only where its last sighting is older, so
/// the rows it touched are the accepted mentions and the rest of the batch the repeats. Other hosts may import at
/// the same time: the upserts on the unique keys keep each indicator one row.
/// </remarks>
internal sealed class PostgresImportWriter : IImportWriter
{
    public const int DefaultBatchSize = 200_000;

    private const int MaxRejectValueLength = 256;

    private readonly NpgsqlConnection _connection;
    private readonly long _now;
    private readonly long _sourceId;
    private readonly int _batchSize;
    private readonly List<(long Line, string Value, string Reason)> _rejects = [];
    private NpgsqlTransaction _transaction;
    private NpgsqlBinaryImporter? _copy;
    private int _staged;
    private bool _contextStaged;
    private int _pending;

    public PostgresImportWriter(NpgsqlDataSource dataSource, string sourceName, SourceKind kind, DateTimeOffset now, int batchSize = DefaultBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _batchSize = batchSize;
        _now = UnixMs.From(now);
        _connection = dataSource.OpenConnection();
        _connection.Execute(
            "CREATE TEMP TABLE IF NOT EXISTS import_stage (seq bigint NOT NULL, type text NOT NULL, value text NOT NULL, context text) ON COMMIT DELETE ROWS");
        _transaction = Begin();
        _sourceId = _connection.Scalar<long>(
            """
            INSERT INTO sources (name, kind) VALUES (@name, @kind)
            ON CONFLICT (name) DO UPDATE SET kind = excluded.kind
            RETURNING id
            """,
            _transaction,
            ("name", sourceName),
            ("kind", kind == SourceKind.Feed ? "feed" : "csv"));
        _connection.Execute("DELETE FROM rejects WHERE source_id = @source", _transaction, ("source", _sourceId));
    }

    public long Accepted { get; private set; }

    public long Duplicates { get; private set; }

    public long Rejected { get; private set; }

    /// <summary>Rows (indicators, repeats and rejects) of this read already committed: what an interruption keeps.</summary>
    public long CommittedRows { get; private set; }

    /// <summary>The distinct indicators named by the reads that began at or after <paramref name="since"/>.</summary>
    public static long CountImportedSince(NpgsqlDataSource dataSource, DateTimeOffset since)
    {
        using var connection = dataSource.OpenConnection();
        return connection.Scalar<long>("SELECT count(*) FROM indicators WHERE last_imported_at >= @since", null, ("since", UnixMs.From(since)));
    }

    public void Add(Indicator indicator, string? context = null)
    {
        var copy = _copy ??= _connection.BeginBinaryImport("COPY import_stage (seq, type, value, context) FROM STDIN (FORMAT BINARY)");
        copy.StartRow();
        copy.Write((long)_staged, NpgsqlDbType.Bigint);
        copy.Write(indicator.Type.ToName(), NpgsqlDbType.Text);
        copy.Write(indicator.Value, NpgsqlDbType.Text);
        if (context is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(context, NpgsqlDbType.Text);
            _contextStaged = true;
        }

        _staged++;
        Tick();
    }

    public void Reject(long line, string value, string reason)
    {
        var kept = value.Length > MaxRejectValueLength ? string.Concat(value.AsSpan(0, MaxRejectValueLength), "…") : value;
        _rejects.Add((line, kept, reason));
        Rejected++;
        Tick();
    }

    public void Complete()
    {
        Merge();
        _connection.Execute("UPDATE sources SET last_read_at = @now WHERE id = @source", _transaction, ("now", _now), ("source", _sourceId));
        _transaction.Commit();
        CommittedRows += _pending;
        _pending = 0;
    }

    public void Dispose()
    {
        _copy?.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
    }

    private void Tick()
    {
        if (++_pending < _batchSize)
        {
            return;
        }

        Merge();
        _transaction.Commit();
        CommittedRows += _pending;
        _transaction.Dispose();
        _transaction = Begin();
        _pending = 0;
    }

    /// <summary>
    /// A batch's transaction, with the memory to sort and hash a batch without spilling to disk, and without the JIT
    /// compiler, which spent over a second compiling each merge that then ran no faster.
    /// </summary>
    private NpgsqlTransaction Begin()
    {
        var transaction = _connection.BeginTransaction();
        _connection.Execute("SET LOCAL work_mem = '256MB'; SET LOCAL jit = off", transaction);
        return transaction;
    }

    /// <summary>The staged batch into indicators and provenance, and the rejects into theirs.</summary>
    private void Merge()
    {
        if (_copy is not null)
        {
            _copy.Complete();
            _copy.Dispose();
            _copy = null;

            // The planner knows nothing of a temporary table until it is analyzed: without it, it sorts on disk.
            _connection.Execute("ANALYZE import_stage", _transaction);

            // New indicators are inserted; one already stored has its last import time moved, and, named by an
            // input, an indicator first found as a pivot becomes a direct input (depth 0). Every indicator of the
            // batch comes back with its id, so provenance needs no second look-up. The first mention of each in the
            // batch carries the context kept, as in the SQLite writer; without any context in the batch (a plain
            // list) the batch is only made distinct, by hashing, and nothing needs joining back. The rows go in in
            // the order of their first mention, so new ids follow the file as SQLite's do: the tables list
            // indicators in id order.
            var staged = _contextStaged
                ? "SELECT DISTINCT ON (type, value) type, value, context, seq AS first FROM import_stage ORDER BY type, value, seq"
                : "SELECT type, value, NULL::text AS context, min(seq) AS first FROM import_stage GROUP BY type, value";
            var provenance = _contextStaged
                ? "SELECT stored.id, @source, @now, @now, staged.context FROM stored JOIN staged ON staged.type = stored.type AND staged.value = stored.value"
                : "SELECT stored.id, @source, @now, @now, NULL FROM stored";
            var accepted = _connection.Execute(
                $"""
                WITH staged AS ({staged}),
                stored AS (
                    INSERT INTO indicators (type, value, first_imported_at, last_imported_at)
                    SELECT type, value, @now, @now FROM staged ORDER BY first
                    ON CONFLICT (type, value) DO UPDATE SET last_imported_at = excluded.last_imported_at, depth = 0
                    RETURNING id, type, value)
                INSERT INTO provenance (indicator_id, source_id, first_seen_at, last_seen_at, context)
                {provenance}
                ON CONFLICT (indicator_id, source_id) DO UPDATE SET last_seen_at = excluded.last_seen_at, context = excluded.context
                WHERE provenance.last_seen_at < excluded.last_seen_at
                """,
                _transaction,
                ("source", _sourceId),
                ("now", _now));
            _contextStaged = false;
            Accepted += accepted;
            Duplicates += _staged - accepted;
            _staged = 0;
        }

        if (_rejects.Count > 0)
        {
            using (var copy = _connection.BeginBinaryImport("COPY rejects (source_id, line, value, reason) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (line, value, reason) in _rejects)
                {
                    copy.WriteRow(_sourceId, line, value, reason);
                }

                copy.Complete();
            }

            _rejects.Clear();
        }
    }
}
