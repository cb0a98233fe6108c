namespace ThreatCrowd.Batch.Classification;

/// <summary>A CIDR range of IPv4 or IPv6 addresses; a single address is a range of prefix length 32 or 128.</summary>
internal readonly record struct IpRange(bool IsIpv6, UInt128 Network, UInt128 Mask)
{
    /// <summary>Parses "10.0.0.0/8", "2001:db8::/32" or a single address; returns a reason when it is neither.</summary>
    public static string? TryParse(string text, out IpRange range)
    {
        range = default;
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text.AsSpan() : text.AsSpan(0, slash);
        var reason = IpAddressBits.TryParse(addressText, out var address);
        if (reason is not null)
        {
            return $"\"{addressText}\" is not an IP address ({reason})";
        }

        int prefixLength = address.Width;
        if (slash >= 0 && !TryParsePrefix(text.AsSpan(slash + 1), address.Width, out prefixLength))
        {
            return $"prefix length must be 0 to {address.Width}";
        }

        // Host bits after the prefix (10.1.2.3/8) are ignored: the range meant is plain.
        range = Create(address, prefixLength);
        return null;
    }

    private static IpRange Create(IpAddressBits address, int prefixLength)
    {
        var mask = prefixLength == 0 ? UInt128.Zero : UInt128.MaxValue << (address.Width - prefixLength);
        if (!address.IsIpv6)
        {
            mask &= uint.MaxValue;
        }

        return new IpRange(address.IsIpv6, address.Value & mask, mask);
    }

    private static bool TryParsePrefix(ReadOnlySpan<char> text, int width, out int prefixLength)
    {
        prefixLength = 0;
        return text.Length is >= 1 and <= 3
            && !text.ContainsAnyExceptInRange('0', '9')
            && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out prefixLength)
            && prefixLength <= width;
    }
}
