namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// Address ranges with their reasons, kept per address family in flat arrays: checking an address is a short
/// loop of mask-and-compare, with no parsing and no allocation.
/// </summary>
internal sealed class IpRangeSet
{
    private readonly uint[] _ipv4Networks;
    private readonly uint[] _ipv4Masks;
    private readonly string[] _ipv4Reasons;
    private readonly UInt128[] _ipv6Networks;
    private readonly UInt128[] _ipv6Masks;
    private readonly string[] _ipv6Reasons;

    /// <param name="ranges">Checked in this order: the first range that holds an address gives its reason.</param>
    public IpRangeSet(IReadOnlyList<(IpRange Range, string Reason)> ranges)
    {
        var ipv4 = ranges.Where(entry => !entry.Range.IsIpv6).ToArray();
        _ipv4Networks = [.. ipv4.Select(entry => (uint)entry.Range.Network)];
        _ipv4Masks = [.. ipv4.Select(entry => (uint)entry.Range.Mask)];
        _ipv4Reasons = [.. ipv4.Select(entry => entry.Reason)];

        var ipv6 = ranges.Where(entry => entry.Range.IsIpv6).ToArray();
        _ipv6Networks = [.. ipv6.Select(entry => entry.Range.Network)];
        _ipv6Masks = [.. ipv6.Select(entry => entry.Range.Mask)];
        _ipv6Reasons = [.. ipv6.Select(entry => entry.Reason)];
    }

    /// <summary>The reason of the first range that holds the address, or null.</summary>
    public string? Find(IpAddressBits address)
    {
        if (!address.IsIpv6)
        {
            uint value = (uint)address.Value;
            for (int i = 0; i < _ipv4Networks.Length; i++)
            {
                if ((value & _ipv4Masks[i]) == _ipv4Networks[i])
                {
                    return _ipv4Reasons[i];
                }
            }

            return null;
        }

        for (int i = 0; i < _ipv6Networks.Length; i++)
        {
            if ((address.Value & _ipv6Masks[i]) == _ipv6Networks[i])
            {
                return _ipv6Reasons[i];
            }
        }

        return null;
    }
}
