using System.IO.Hashing;
using System.Runtime.InteropServices;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// The indicators a read into an empty store has created, by a fingerprint of (type, value): lets the read tell a
/// first mention from a possible repeat without asking an index, which is what makes a first bulk load cost about
/// what copying the file costs. Exact answers stay the store's: a fingerprint names the ids that may hold the
/// indicator (almost always none or the one that does), and the caller checks them or takes its ordinary path.
/// </summary>
/// <remarks>
/// One 8-byte slot per entry in an open-addressing table: 40 bits of the 64-bit fingerprint (XxHash3 of the value,
/// seeded by the type) and 24 bits for the id's distance from the read's first new id. Two different indicators
/// share a candidate only when those 40 bits agree, about once per 200,000 reads of 5M rows. The table is split into
/// <see cref="Parts"/> parts by the tag's top bits, each growing by doubling on its own: a single table doubling
/// from 32 to 64 MB held both at once, 96 MB for a moment, where a part's doubling holds a 256th of that. It holds
/// at most <see cref="MaxCount"/> indicators (64 MB at most, whatever the file): past it, <see cref="IsFull"/> says so
/// and the read goes on its ordinary path.
/// </remarks>
internal sealed class FirstReadIndex
{
    /// <summary>Most indicators one table holds: under the 24 bits of id distance, at most 3/4 of 2^23 slots.</summary>
    public const int MaxCount = 6_000_000;

    private const int TagBits = 40;
    private const int OffsetBits = 64 - TagBits;
    private const ulong OffsetMask = (1UL << OffsetBits) - 1;
    private const int PartBits = 8;
    private const int Parts = 1 << PartBits;
    private const int InitialPartSlots = 256;

    private readonly long _firstId;
    private readonly int _maxCount;
    private readonly ulong[][] _parts = new ulong[Parts][];
    private readonly int[] _partCounts = new int[Parts];

    /// <param name="firstId">The id the read's first new indicator gets; every id added is at or above it.</param>
    /// <param name="maxCount">Most indicators held, <see cref="MaxCount"/> at most (lower only to try the limit cheaply).</param>
    public FirstReadIndex(long firstId, int maxCount = MaxCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxCount, MaxCount);
        _firstId = firstId;
        _maxCount = maxCount;
        for (var part = 0; part < Parts; part++)
        {
            _parts[part] = new ulong[InitialPartSlots];
        }
    }

    public int Count { get; private set; }

    public bool IsFull => Count >= _maxCount;

    /// <summary>Whether <paramref name="count"/> more indicators, none with an id above <paramref name="highestId"/>, fit.</summary>
    public bool CanAdd(int count, long highestId) => Count + (long)count <= _maxCount && highestId - _firstId < (long)OffsetMask;

    /// <summary>
    /// Collects a table its read has let go of and gives the memory back to the system at once: up to 64 MB that would
    /// otherwise stay in the process beside what follows the read (the index's sort, a run's queue of millions).
    /// </summary>
    public static void CollectReleased() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    public static ulong Fingerprint(IndicatorType type, string value) =>
        XxHash3.HashToUInt64(MemoryMarshal.AsBytes(value.AsSpan()), (long)type);

    /// <summary>The ids recorded under this fingerprint, in the order they were added: empty for a first mention.</summary>
    public Candidates Find(ulong fingerprint)
    {
        var tag = Tag(fingerprint);
        return new(_parts[Part(tag)], tag, _firstId);
    }

    /// <summary>Records a new indicator's id under its fingerprint.</summary>
    public void Add(ulong fingerprint, long id)
    {
        var distance = id - _firstId;
        if (IsFull || distance < 0 || (ulong)distance >= OffsetMask)
        {
            throw new InvalidOperationException($"Indicator id {id} cannot be added to the first read's index (first id {_firstId}, {Count} held).");
        }

        var tag = Tag(fingerprint);
        var part = Part(tag);
        if ((_partCounts[part] + 1) * 4L > _parts[part].Length * 3L)
        {
            _parts[part] = Grown(_parts[part]);
        }

        Place(_parts[part], (tag << OffsetBits) | (ulong)(distance + 1));
        _partCounts[part]++;
        Count++;
    }

    private static ulong Tag(ulong fingerprint) => fingerprint >> OffsetBits;

    /// <summary>A tag's part: its top bits, which the home slot (its low bits) does not use.</summary>
    private static int Part(ulong tag) => (int)(tag >> (TagBits - PartBits));

    /// <summary>A tag's home slot in its part: its low bits, so a part can be rebuilt from what its slots hold.</summary>
    private static int Home(ulong tag, int mask) => (int)(tag & (ulong)mask);

    private static void Place(ulong[] slots, ulong entry)
    {
        var mask = slots.Length - 1;
        var i = Home(entry >> OffsetBits, mask);
        while (slots[i] != 0)
        {
            i = (i + 1) & mask;
        }

        slots[i] = entry;
    }

    private static ulong[] Grown(ulong[] slots)
    {
        var larger = new ulong[slots.Length * 2];
        foreach (var entry in slots)
        {
            if (entry != 0)
            {
                Place(larger, entry);
            }
        }

        return larger;
    }

    /// <summary>The ids under one tag, walked along its probe run without allocating.</summary>
    public struct Candidates
    {
        private readonly ulong[] _slots;
        private readonly ulong _tag;
        private readonly long _firstId;
        private int _index;

        internal Candidates(ulong[] slots, ulong tag, long firstId)
        {
            _slots = slots;
            _tag = tag;
            _firstId = firstId;
            _index = Home(tag, _slots.Length - 1) - 1;
            Current = 0;
        }

        public long Current { get; private set; }

        public readonly Candidates GetEnumerator() => this;

        public bool MoveNext()
        {
            var mask = _slots.Length - 1;
            while (true)
            {
                _index = (_index + 1) & mask;
                var entry = _slots[_index];
                if (entry == 0)
                {
                    return false;
                }

                if (entry >> OffsetBits == _tag)
                {
                    Current = _firstId + (long)(entry & OffsetMask) - 1;
                    return true;
                }
            }
        }

        /// <summary>Whether any id is recorded under the tag: a first mention when not.</summary>
        public bool Any() => MoveNext();
    }
}
