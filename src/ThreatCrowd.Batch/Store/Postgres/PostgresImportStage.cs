using Npgsql;
using NpgsqlTypes;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// The ordinary way of a batch into the PostgreSQL store: its rows stream by binary COPY into a temporary staging
/// table as they come, and <see cref="Merge"/> merges them into indicators and provenance by one statement
/// (<see cref="PostgresImportMerge"/>). Memory stays flat whatever the size of the batch.
/// </summary>
internal sealed class PostgresImportStage : IDisposable
{
    private readonly NpgsqlConnection _connection;
    private NpgsqlBinaryImporter? _copy;
    private bool _contextStaged;

    public PostgresImportStage(NpgsqlConnection connection)
    {
        _connection = connection;
        _connection.Execute(
            "CREATE TEMP TABLE IF NOT EXISTS import_stage (seq bigint NOT NULL, type text NOT NULL, value text NOT NULL, context text) ON COMMIT DELETE ROWS");
    }

    /// <summary>Mentions staged since the last merge.</summary>
    public int Count { get; private set; }

    public void Add(Indicator indicator, string? context)
    {
        var copy = _copy ??= _connection.BeginBinaryImport("COPY import_stage (seq, type, value, context) FROM STDIN (FORMAT BINARY)");
        copy.StartRow();
        copy.Write((long)Count, NpgsqlDbType.Bigint);
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

        Count++;
    }

    /// <summary>Merges the staged mentions under <see cref="PostgresImportMerge.Lock"/>; how many were accepted (the rest are repeats).</summary>
    public long Merge(NpgsqlTransaction transaction, long sourceId, long now)
    {
        if (_copy is null)
        {
            return 0;
        }

        _copy.Complete();
        _copy.Dispose();
        _copy = null;

        // The planner knows nothing of a temporary table until it is analyzed: without it, it sorts on disk.
        _connection.Execute("ANALYZE import_stage", transaction);

        _connection.Execute(PostgresImportMerge.Lock, transaction);
        var accepted = _connection.Scalar<long>(PostgresImportMerge.Sql(_contextStaged), transaction, ("source", sourceId), ("now", now));
        _contextStaged = false;
        Count = 0;
        return accepted;
    }

    public void Dispose() => _copy?.Dispose();
}
