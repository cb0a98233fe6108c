using Npgsql;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// A read into an empty store, written without staging in one transaction that holds indicators and provenance to
/// itself: their unique keys are dropped when it starts (<see cref="TryStart"/>), each batch's new indicators are
/// copied straight into indicators with the ids this read gives them (in the order of their first mention, as the
/// sequence would have), their provenance straight into provenance, and the keys are built again by one sort each
/// when it ends (<see cref="End"/>). Repeats are told by a <see cref="FirstReadIndex"/> of what the read created,
/// checked exactly against the batch's own values or, for earlier batches, the stored ones.
/// </summary>
/// <remarks>
/// Building a unique key by sorting a million rows once costs the server far less than a million inserts into it,
/// each a descent of the B-tree comparing text (docs/benchmarks.md, "PostgreSQL import"). Dropping a key takes the
/// table's strongest lock, so everyone else waits for the read to commit: on an empty store there is nothing to look
/// up meanwhile, another host's read merges once this one is in, and status reads its counts without the tables.
/// Should the read fail or its process die, the transaction rolls back whole, keys included, and the store is as empty
/// as it was. The batch's mentions are held in memory until it is written (a batch's worth, not the file's): every
/// doubtful mention is checked before any new one of the batch is numbered.
/// </remarks>
internal sealed class PostgresFirstRead(NpgsqlConnection connection, long sourceId, long now, long firstId, int maxIndicators)
{
    /// <summary>
    /// Mentions per batch while a read goes straight in, fewer than the staging way's: they are held in memory until
    /// the batch is written, and a batch of 200,000 took the peak RSS of a 5M-row first read over 250 MB.
    /// </summary>
    public const int BatchSize = 50_000;

    private readonly List<(Indicator Indicator, string? Context)> _rows = [];
    private readonly List<ulong> _fingerprints = [];
    private readonly HashSet<long> _earlier = [];
    private readonly FirstReadIndex _index = new(firstId, maxIndicators);
    private long _written;

    /// <summary>Mentions held for the next batch.</summary>
    public int Count => _rows.Count;

    /// <summary>The batch's mentions in order, for the staging way once <see cref="TryWrite"/> declined.</summary>
    public IReadOnlyList<(Indicator Indicator, string? Context)> Rows => _rows;

    /// <summary>
    /// Takes indicators and provenance for the transaction and drops their unique keys, if both tables are empty and
    /// this login owns them (only an owner may drop a key; anyone else's read stages): the id the read's first new
    /// indicator takes, which nobody else can take before it commits. Null, and nothing taken or changed, otherwise.
    /// </summary>
    public static long? TryStart(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (!connection.Scalar<bool>(PostgresFirstReadRows.OwnsTables, transaction))
        {
            return null;
        }

        connection.Execute("SAVEPOINT first_read", transaction);
        connection.Execute(PostgresFirstReadRows.LockTables, transaction);
        if (!connection.Scalar<bool>(PostgresFirstReadRows.TablesEmpty, transaction))
        {
            // Filled by someone since the caller looked: rolling back to the savepoint lets go of the lock at once.
            connection.Execute("ROLLBACK TO SAVEPOINT first_read", transaction);
            return null;
        }

        connection.Execute(PostgresFirstReadRows.DropKeys, transaction);
        return PostgresFirstReadRows.NextId(connection, transaction);
    }

    /// <summary>
    /// Holds a mention for the next batch, with its fingerprint and the earlier batches' ids it may be: worked out
    /// here, while the reading thread parses the next rows, rather than when the batch is written, while the server
    /// waits for it.
    /// </summary>
    public void Add(Indicator indicator, string? context)
    {
        _rows.Add((indicator, context));
        var fingerprint = FirstReadIndex.Fingerprint(indicator.Type, indicator.Value);
        _fingerprints.Add(fingerprint);
        foreach (var id in _index.Find(fingerprint))
        {
            _earlier.Add(id);
        }
    }

    /// <summary>
    /// Writes the held batch straight in; how many mentions were accepted (the rest are repeats), or null, the rows
    /// kept, when the index is full and the batch must be staged instead (after <see cref="End"/>).
    /// </summary>
    public long? TryWrite(NpgsqlTransaction transaction)
    {
        var next = firstId + _written;
        if (!_index.CanAdd(_rows.Count, next + _rows.Count - 1))
        {
            return null;
        }

        var stored = PostgresFirstReadRows.Stored(connection, transaction, _earlier);
        var added = WriteIndicators(_index, _fingerprints, stored, next);
        PostgresFirstReadRows.WriteProvenance(connection, next, added.Select(i => _rows[i].Context), sourceId, now);
        _written += added.Count;
        _rows.Clear();
        _fingerprints.Clear();
        _earlier.Clear();
        return added.Count;
    }

    /// <summary>
    /// Builds the keys dropped by <see cref="TryStart"/> and moves the id sequence past the ids written, so that
    /// anyone's next insert takes the one after them; the transaction may then commit, or go on the staging way.
    /// </summary>
    public void End(NpgsqlTransaction transaction)
    {
        connection.Execute(PostgresFirstReadRows.BuildKeys, transaction);
        if (_written > 0)
        {
            connection.Execute($"SELECT setval('{PostgresFirstReadRows.IdSequence}', @last)", transaction, ("last", firstId + _written - 1));
        }
    }

    /// <summary>Copies the batch's new indicators into indicators; the positions in the batch of their first mentions.</summary>
    private List<int> WriteIndicators(FirstReadIndex index, List<ulong> fingerprints, Dictionary<long, Indicator> stored, long next)
    {
        var added = new List<int>();
        using var copy = PostgresFirstReadRows.BeginIndicators(connection);
        for (var i = 0; i < _rows.Count; i++)
        {
            var indicator = _rows[i].Indicator;
            if (IsRepeat(index, fingerprints[i], indicator, stored, added, next))
            {
                continue;
            }

            var id = next + added.Count;
            added.Add(i);
            index.Add(fingerprints[i], id);
            PostgresFirstReadRows.WriteIndicator(copy, id, indicator, now);
        }

        copy.Complete();
        return added;
    }

    /// <summary>Whether an id the index names for the fingerprint holds this very indicator: an earlier batch's, or this one's.</summary>
    private bool IsRepeat(FirstReadIndex index, ulong fingerprint, Indicator indicator, Dictionary<long, Indicator> stored, List<int> added, long next)
    {
        foreach (var id in index.Find(fingerprint))
        {
            var candidate = id < next ? stored.GetValueOrDefault(id) : _rows[added[(int)(id - next)]].Indicator;
            if (indicator.Equals(candidate))
            {
                return true;
            }
        }

        return false;
    }
}
