using Npgsql;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// Writes one read of one source into the PostgreSQL store, as <see cref="Sqlite.ImportWriter"/> does into SQLite (the same
/// counts, the same rows, new indicators numbered in the order of their first mention): each accepted indicator with
/// its provenance, and each reject, replacing the source's previous rejects. Every <see cref="DefaultBatchSize"/> rows
/// the batch is written and committed, so memory stays bounded whatever the size of the file and an interruption loses
/// one batch at most. A read that finds the store empty copies batches of <see cref="PostgresFirstRead.BatchSize"/>
/// straight in and commits them together at its end (<see cref="PostgresFirstRead"/>: an interruption loses that
/// read whole, the store being as empty as before); any other read, and the rest of one whose index is full, stages
/// its rows by binary COPY and merges them (<see cref="PostgresImportStage"/>).
/// </summary>
/// <remarks>
/// A batch commits without waiting for its WAL to reach the disk (<c>synchronous_commit = off</c> for that
/// transaction only); the read's last commit waits, and so makes every batch before it durable. If the server
/// itself crashes during a read, the batches committed in its last moments (at most three times wal_writer_delay,
/// 0.6 s by default) are lost, each as a whole, and the next read of the source brings them back, a re-read being
/// harmless. A crash of this program loses only the batch not yet committed, as before. Other hosts may import at the same
/// time: each batch's merge holds <see cref="PostgresImportMerge.Lock"/>, and a read straight in holds its tables to its
/// end, so the writes of two reads take turns.
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
    private readonly PostgresImportStage _stage;
    private PostgresFirstRead? _firstRead;
    private NpgsqlTransaction _transaction;
    private int _pending;
    private int _unwritten;

    /// <param name="firstReadIndicators">
    /// Most indicators a read into an empty store creates before it goes the staging way; lower only to try that limit.
    /// </param>
    public PostgresImportWriter(
        NpgsqlDataSource dataSource, string sourceName, SourceKind kind, DateTimeOffset now, int batchSize = DefaultBatchSize, int firstReadIndicators = FirstReadIndex.MaxCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _batchSize = batchSize;
        _now = UnixMs.From(now);
        _connection = dataSource.OpenConnection();
        _stage = new PostgresImportStage(_connection);
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

        // A look without the lock first: a store that holds indicators is not locked against everyone just to find out.
        if (!_connection.Scalar<bool>("SELECT EXISTS (SELECT 1 FROM indicators)", _transaction) &&
            PostgresFirstRead.TryStart(_connection, _transaction) is { } firstId)
        {
            _firstRead = new PostgresFirstRead(_connection, _sourceId, _now, firstId, firstReadIndicators);
            WritesStraightIn = true;
        }
    }

    public long Accepted { get; private set; }

    public long Duplicates { get; private set; }

    public long Rejected { get; private set; }

    /// <summary>Rows (indicators, repeats and rejects) of this read already committed: what an interruption keeps.</summary>
    public long CommittedRows { get; private set; }

    /// <summary>Whether every batch of the read so far (of all of it, once complete) went straight into indicators (<see cref="PostgresFirstRead"/>).</summary>
    public bool WritesStraightIn { get; private set; }

    /// <summary>The distinct indicators named by the reads that began at or after <paramref name="since"/>.</summary>
    public static long CountImportedSince(NpgsqlDataSource dataSource, DateTimeOffset since)
    {
        using var connection = dataSource.OpenConnection();
        return connection.Scalar<long>("SELECT count(*) FROM indicators WHERE last_imported_at >= @since", null, ("since", UnixMs.From(since)));
    }

    public void Add(Indicator indicator, string? context = null)
    {
        if (_firstRead is not null)
        {
            _firstRead.Add(indicator, context);
        }
        else
        {
            _stage.Add(indicator, context);
        }

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
        Write();
        _firstRead?.End(_transaction);
        _connection.Execute("UPDATE sources SET last_read_at = @now WHERE id = @source", _transaction, ("now", _now), ("source", _sourceId));

        // The read's last commit waits for the disk, and with it every batch before it: a finished read is durable.
        _connection.Execute("SET LOCAL synchronous_commit = on", _transaction);
        _transaction.Commit();
        CommittedRows += _pending;
        _pending = 0;
        if (_firstRead is not null)
        {
            // Its fingerprints and held batch, let go of and collected (see FirstReadIndex.CollectReleased).
            _firstRead = null;
            FirstReadIndex.CollectReleased();
        }
    }

    public void Dispose()
    {
        _stage.Dispose();
        _transaction.Dispose();
        _connection.Dispose();
    }

    private void Tick()
    {
        _pending++;
        if (++_unwritten < (_firstRead is null ? _batchSize : Math.Min(_batchSize, PostgresFirstRead.BatchSize)))
        {
            return;
        }

        Write();
        _unwritten = 0;
        if (_firstRead is not null)
        {
            // A read straight in commits once, at its end: until then its tables are without their keys.
            return;
        }

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

    /// <summary>The batch into indicators and provenance, and the rejects into theirs.</summary>
    private void Write()
    {
        if (_firstRead is { Count: > 0 } firstRead)
        {
            var mentions = firstRead.Count;
            if (firstRead.TryWrite(_transaction) is { } accepted)
            {
                Tally(mentions, accepted);
            }
            else
            {
                // The index is full: with the keys back, this batch and the rest of the read are staged.
                firstRead.End(_transaction);
                foreach (var (indicator, context) in firstRead.Rows)
                {
                    _stage.Add(indicator, context);
                }

                _firstRead = null;
                WritesStraightIn = false;
                FirstReadIndex.CollectReleased();
            }
        }

        var staged = _stage.Count;
        if (staged > 0)
        {
            Tally(staged, _stage.Merge(_transaction, _sourceId, _now));
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

    private void Tally(int mentions, long accepted)
    {
        Accepted += accepted;
        Duplicates += mentions - accepted;
    }
}
