using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ThreatCrowd.Batch.Model;

/// <summary>
/// How many related items of each kind an answer holds, indexed by <see cref="RelationKind"/>. A value of fixed
/// size, stored inside the row that carries it: the export builds millions of rows and gives none of them a second
/// allocation.
/// </summary>
[InlineArray(Length)]
internal struct RelationCounts
{
    /// <summary>One count per <see cref="RelationKind"/> (a test holds the two equal).</summary>
    public const int Length = 8;

    private int _first;

    public int this[RelationKind kind]
    {
        readonly get => MemoryMarshal.CreateReadOnlySpan(in _first, Length)[(int)kind];
        set => MemoryMarshal.CreateSpan(ref _first, Length)[(int)kind] = value;
    }
}
