using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// Writes one read of one source into the store: each accepted indicator (collapsing duplicates, recording
/// provenance) and each reject. The previous read's rejects of that source are replaced, so rejects.csv always
/// describes the inputs as they are now. Commits every <see cref="BatchSize"/> rows so a huge file neither holds
/// one giant transaction nor loses everything to an interruption; a re-read is harmless.
/// </summary>
internal sealed class ImportWriter : IDisposable
{
    private const int BatchSize = 20_000;

    /// <summary>A reject keeps the start of its value: enough to find the row, not a 10 MB cell in rejects.csv.</summary>
    private const int MaxRejectValueLength = 256;

    private readonly SqliteConnection _connection;
    private readonly long _now;
    private readonly long _sourceId;
    private readonly SqliteCommand _upsertIndicator;
    private readonly SqliteCommand _upsertProvenance;
    private readonly SqliteCommand _insertReject;
    private SqliteTransaction _transaction;
    private int _pending;

    public ImportWriter(SqliteConnection connection, string sourceName, SourceKind kind, DateTimeOffset now)
    {
        _connection = connection;
        _now = UnixMs.From(now);
        _transaction = connection.BeginTransaction();
        _sourceId = UpsertSource(sourceName, kind);
        Execute("DELETE FROM rejects WHERE source_id = $source", ("$source", _sourceId));

        _upsertIndicator = Prepare(
            """
            INSERT INTO indicators (type, value, first_imported_at, last_imported_at) VALUES ($type, $value, $now, $now)
            ON CONFLICT (type, value) DO UPDATE SET last_imported_at = excluded.last_imported_at, depth = 0
            RETURNING id
            """,
            "$type", "$value", "$now");
        // The WHERE makes a second mention within this same read change nothing: that is how duplicates are counted.
        _upsertProvenance = Prepare(
            """
            INSERT INTO provenance (indicator_id, source_id, first_seen_at, last_seen_at) VALUES ($id, $source, $now, $now)
            ON CONFLICT (indicator_id, source_id) DO UPDATE SET last_seen_at = excluded.last_seen_at
            WHERE last_seen_at < excluded.last_seen_at
            """,
            "$id", "$source", "$now");
        _insertReject = Prepare(
            "INSERT INTO rejects (source_id, line, value, reason) VALUES ($source, $line, $value, $reason)",
            "$source", "$line", "$value", "$reason");
    }

    public long Accepted { get; private set; }

    public long Duplicates { get; private set; }

    public long Rejected { get; private set; }

    public void Add(Indicator indicator)
    {
        _upsertIndicator.Parameters[0].Value = indicator.Type.ToName();
        _upsertIndicator.Parameters[1].Value = indicator.Value;
        _upsertIndicator.Parameters[2].Value = _now;
        var id = (long)_upsertIndicator.ExecuteScalar()!;

        _upsertProvenance.Parameters[0].Value = id;
        _upsertProvenance.Parameters[1].Value = _sourceId;
        _upsertProvenance.Parameters[2].Value = _now;
        if (_upsertProvenance.ExecuteNonQuery() == 0)
        {
            Duplicates++;
        }
        else
        {
            Accepted++;
        }

        Tick();
    }

    public void Reject(long line, string value, string reason)
    {
        _insertReject.Parameters[0].Value = _sourceId;
        _insertReject.Parameters[1].Value = line;
        _insertReject.Parameters[2].Value = value.Length > MaxRejectValueLength ? string.Concat(value.AsSpan(0, MaxRejectValueLength), "…") : value;
        _insertReject.Parameters[3].Value = reason;
        _insertReject.ExecuteNonQuery();
        Rejected++;
        Tick();
    }

    public void Complete()
    {
        Execute("UPDATE sources SET last_read_at = $now WHERE id = $source", ("$now", _now), ("$source", _sourceId));
        _transaction.Commit();
        _pending = 0;
    }

    public void Dispose()
    {
        _upsertIndicator.Dispose();
        _upsertProvenance.Dispose();
        _insertReject.Dispose();
        _transaction.Dispose();
    }

    private void Tick()
    {
        if (++_pending < BatchSize)
        {
            return;
        }

        _transaction.Commit();
        _transaction.Dispose();
        _transaction = _connection.BeginTransaction();
        foreach (var command in (SqliteCommand[])[_upsertIndicator, _upsertProvenance, _insertReject])
        {
            command.Transaction = _transaction;
        }

        _pending = 0;
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

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
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
