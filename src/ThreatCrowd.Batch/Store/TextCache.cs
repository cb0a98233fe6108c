namespace ThreatCrowd.Batch.Store;

/// <summary>
/// The strings of a column with few distinct values (a relation kind, a type, a date), made once each: millions
/// of rows then share a handful of string objects instead of decoding and holding a copy per row.
/// </summary>
internal sealed class TextCache
{
    private const int MaxEntries = 4096;

    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private byte[] _lastUtf8 = [];
    private string _last = "";

    public TextCache() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Get(ReadOnlySpan<byte> utf8)
    {
        // Rows come sorted, so a value mostly repeats the one just before it.
        if (utf8.SequenceEqual(_lastUtf8))
        {
            return _last;
        }

        _last = Lookup(utf8);
        _lastUtf8 = utf8.ToArray();
        return _last;
    }

    private string Lookup(ReadOnlySpan<byte> utf8)
    {
        Span<char> chars = stackalloc char[64];
        if (utf8.Length > chars.Length || !System.Text.Unicode.Utf8.ToUtf16(utf8, chars, out _, out var written).Equals(System.Buffers.OperationStatus.Done))
        {
            return System.Text.Encoding.UTF8.GetString(utf8);
        }

        var text = chars[..written];
        if (_lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var made = text.ToString();
        if (_strings.Count < MaxEntries)
        {
            _strings[made] = made;
        }

        return made;
    }
}
