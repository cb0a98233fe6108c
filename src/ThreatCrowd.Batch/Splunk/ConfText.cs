using System.Text;

namespace ThreatCrowd.Batch.Splunk;

/// <summary>
/// Renders a Splunk .conf or .meta file: comment lines, then each stanza as <c>[name]</c> followed by one
/// <c>key = value</c> line per setting, stanzas separated by a blank line, LF line ends.
/// </summary>
internal static class ConfText
{
    public static string Render(IEnumerable<string> comment, IEnumerable<ConfStanza> stanzas)
    {
        var text = new StringBuilder();
        foreach (var line in comment)
        {
            text.Append("# ").Append(SingleLine(line)).Append('\n');
        }

        foreach (var stanza in stanzas)
        {
            text.Append('\n').Append('[').Append(SingleLine(stanza.Name)).Append("]\n");
            foreach (var (key, value) in stanza.Settings)
            {
                text.Append(SingleLine(key)).Append(" = ").Append(SingleLine(value)).Append('\n');
            }
        }

        return text.ToString();
    }

    // A line break would end the setting early, and Splunk would read the rest as a stanza or key of its own.
    private static string SingleLine(string text) =>
        text.AsSpan().IndexOfAny('\r', '\n') < 0
            ? text
            : throw new ArgumentException($"A .conf line cannot hold a line break: \"{text}\".", nameof(text));
}
