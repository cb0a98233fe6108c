namespace ThreatCrowd.Batch.Bench.Data;

/// <summary>
/// A tiny deterministic generator (SplitMix64). Every generated value is a function of the seed and its index,
/// so data of millions of rows can repeat an earlier value without keeping the earlier values in memory, and the
/// same seed gives the same bytes on every machine and .NET version (System.Random promises neither).
/// </summary>
internal struct SplitMix
{
    private ulong _state;

    public SplitMix(long seed, long index) => _state = ((ulong)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)index * 0xBF58476D1CE4E5B9UL) ^ 0x94D049BB133111EBUL;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, <paramref name="bound"/>).</summary>
    public int Below(int bound) => (int)(Next() % (ulong)bound);

    /// <summary>A number in [0, 1).</summary>
    public double Fraction() => (Next() >> 11) * (1.0 / (1UL << 53));
}
