using Npgsql;
using NpgsqlTypes;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// Writes one read of one source into the PostgreSQL store, as <see cref="Sqlite.ImportWriter"/> does into SQLite (the same
/// counts, the same rows, new indicators numbered in the order of their first mention): each accepted indicator with
/// its provenance, and each reject, replacing the source's previous rejects. Rows stream through Npgsql's binary COPY
/// into a temporary staging table as they come; every <see cref="DefaultBatchSize"/> rows the batch is merged into
/// indicators and provenance by one statement (<see cref="PostgresImportMerge"/>) and committed, so memory stays flat
/// whatever the size of the file and an interruption loses one batch at most.
/// </summary>
/// <remarks>
/// A batch commits without waiting for its WAL to reach the disk (<c>synchronous_commit = off</c> for that
/// transaction only); the read's last commit waits, and so makes every batch before it durable. If the server
/// itself crashes during a read, the batches committed in its last moments (at most three times wal_writer_delay,
/// 0.6 s by default) are lost, each as a whole, and the next read of the source brings them back, a re-read being
/// harmless. A crash of this program loses only the batch not yet committed, as before. Other hosts may import at the same
/// time: each merge holds <see cref="PostgresImportMerge.Lock"/>, so the merges of two reads take turns.
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

        // The read's last commit waits for the disk, and with it every batch before it: a finished read is durable.
        _connection.Execute("SET LOCAL synchronous_commit = on", _transaction);
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
    /// A batch's transaction: its commit does not wait for the disk (see the remarks above), it has the memory to sort
    /// and hash a batch without spilling, and no JIT compiler, which spent over a second compiling each merge that
    /// then ran no faster.
    /// </summary>
    private NpgsqlTransaction Begin()
    {
        var transaction = _connection.BeginTransaction();
        _connection.Execute("SET LOCAL synchronous_commit = off; SET LOCAL work_mem = '256MB'; SET LOCAL jit = off", transaction);
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

            _connection.Execute(PostgresImportMerge.Lock, _transaction);
            var accepted = _connection.Scalar<long>(PostgresImportMerge.Sql(_contextStaged), _transaction, ("source", _sourceId), ("now", _now));
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
