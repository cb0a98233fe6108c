using System.Buffers;
using System.Globalization;
using System.Text;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// The one place text is made printable, whatever it came from (a server's reason phrase or page title, a value
/// from an input, a file name). Every control character (C0 including NUL, DEL, C1 including the CSI that starts a
/// terminal escape sequence), the line and paragraph separators and the invisible format characters that reorder
/// or hide text (bidi overrides and isolates, zero-width characters, the BOM) become a visible escape such as
/// <c>\u001B</c>. A server can then neither clear an operator's screen nor fake a log line, and rejects.csv shows
/// what was in a value instead of carrying it on. Line breaks are escaped too: one call prints one line.
/// </summary>
internal static class PrintableText
{
    private static readonly SearchValues<char> Unprintable = SearchValues.Create(
        string.Concat(
            Range('\u0000', '\u001F'),
            Range('\u007F', '\u009F'),
            "\u00AD\u061C\u180E",
            Range('\u200B', '\u200F'),
            Range('\u2028', '\u202E'),
            Range('\u2060', '\u206F'),
            "\uFEFF",
            Range('\uFFF9', '\uFFFB')));

    /// <summary>The text with every unprintable character written as <c>\uXXXX</c>; the same instance when there is none.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var first = text.AsSpan().IndexOfAny(Unprintable);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (Unprintable.Contains(c))
            {
                escaped.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static string Range(char first, char last) =>
        new([.. Enumerable.Range(first, last - first + 1).Select(code => (char)code)]);
}
