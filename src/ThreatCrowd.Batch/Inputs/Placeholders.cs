using System.Text;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// Cells that say "nothing here": empty, spaces, or a placeholder a SIEM or feed writes for a missing value
/// (Splunk's <c>-</c>, <c>N/A</c>, <c>null</c>, <c>None</c>). They are blanks: neither indicators nor rejects.
/// </summary>
internal static class Placeholders
{
    /// <summary>Whether a raw UTF-8 cell is blank; runs on every cell, so it does not allocate.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> utf8Cell)
    {
        var text = utf8Cell.Trim(" \t"u8);
        return text.Length switch
        {
            0 => true,
            1 => text[0] == (byte)'-',
            2 => text.SequenceEqual("--"u8),
            3 => Ascii.EqualsIgnoreCase(text, "n/a"u8),
            4 => Ascii.EqualsIgnoreCase(text, "null"u8) || Ascii.EqualsIgnoreCase(text, "none"u8),
            6 => Ascii.EqualsIgnoreCase(text, "(null)"u8),
            _ => false,
        };
    }

    public static bool IsBlank(string cell) => IsBlank(Encoding.UTF8.GetBytes(cell));
}
