using Npgsql;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// A read into an empty indicators table, written without staging: each batch's new indicators are copied straight
/// into indicators with the ids this read gives them (in the order of their first mention, as the sequence would
/// have), and their provenance straight into provenance. Repeats are told by a <see cref="FirstReadIndex"/> of what the
/// read created, checked exactly against the batch's own values or, for earlier batches, the stored ones.
/// </summary>
/// <remarks>
/// Only while nobody else adds indicators: under <see cref="PostgresImportMerge.Lock"/> each batch checks that the
/// highest stored id is still the last this read wrote (the table empty at its first batch); otherwise, or when the
/// index is full, <see cref="TryWrite"/> declines and the read stages the rest. The batch's mentions are held in
/// memory until then (a batch's worth, not the file's): whether they may go straight in is known only under the lock,
/// and every doubtful mention is checked before any new one is numbered. Streaming each mention into the copy as it
/// came, with the lock taken at the batch's start, cost the server more, not less (docs/benchmarks.md, "PostgreSQL
/// import").
/// </remarks>
internal sealed class PostgresFirstRead(NpgsqlConnection connection, long sourceId, long now, int maxIndicators)
{
    /// <summary>
    /// Mentions per batch while a read goes straight in, fewer than the staging way's: they are held in memory until
    /// the batch is written, and a batch of 200,000 took the peak RSS of a 5M-row first read over 250 MB.
    /// </summary>
    public const int BatchSize = 50_000;

    private readonly List<(Indicator Indicator, string? Context)> _rows = [];
    private FirstReadIndex? _index;
    private long? _lastId;

    /// <summary>Mentions held for the next batch.</summary>
    public int Count => _rows.Count;

    /// <summary>The batch's mentions in order, for the staging way once <see cref="TryWrite"/> declined.</summary>
    public IReadOnlyList<(Indicator Indicator, string? Context)> Rows => _rows;

    public void Add(Indicator indicator, string? context) => _rows.Add((indicator, context));

    /// <summary>Lets go of the fingerprints and the batch's buffer once the read is written (see <see cref="FirstReadIndex.CollectReleased"/>).</summary>
    public void Finish()
    {
        _index = null;
        _rows.Clear();
        _rows.TrimExcess();
    }

    /// <summary>
    /// Writes the held batch straight in, in a transaction that holds <see cref="PostgresImportMerge.Lock"/>; how many
    /// mentions were accepted (the rest are repeats), or null, the rows kept, when the batch must be staged instead.
    /// </summary>
    public long? TryWrite(NpgsqlTransaction transaction)
    {
        var (highest, next) = PostgresFirstReadRows.Ids(connection, transaction);
        if (highest != _lastId)
        {
            return null;
        }

        var index = _index ??= new FirstReadIndex(next, maxIndicators);
        if (!index.CanAdd(_rows.Count, next + _rows.Count - 1))
        {
            return null;
        }

        var fingerprints = new ulong[_rows.Count];
        var earlier = new HashSet<long>();
        for (var i = 0; i < _rows.Count; i++)
        {
            fingerprints[i] = FirstReadIndex.Fingerprint(_rows[i].Indicator.Type, _rows[i].Indicator.Value);
            foreach (var id in index.Find(fingerprints[i]))
            {
                earlier.Add(id);
            }
        }

        var stored = PostgresFirstReadRows.Stored(connection, transaction, earlier);
        var added = WriteIndicators(index, fingerprints, stored, next);
        PostgresFirstReadRows.WriteProvenance(connection, next, added.Select(i => _rows[i].Context), sourceId, now);
        if (added.Count > 0)
        {
            // Past the ids just written, so that anyone else's next insert takes the one after them.
            _lastId = next + added.Count - 1;
            connection.Execute($"SELECT setval('{PostgresFirstReadRows.IdSequence}', @last)", transaction, ("last", _lastId.Value));
        }

        _rows.Clear();
        return added.Count;
    }

    /// <summary>Copies the batch's new indicators into indicators; the positions in the batch of their first mentions.</summary>
    private List<int> WriteIndicators(FirstReadIndex index, ulong[] fingerprints, Dictionary<long, Indicator> stored, long next)
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
