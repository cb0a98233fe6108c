
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>Splits a plain-text feed into entries: one value a line, blank lines and # comments skipped.</summary>
internal static class FeedLines
{
    public static List<SourceEntry> Parse(string text, FeedSource feed)
    {
        var entries = new List<SourceEntry>();
        var hint = feed.Type.ToName();
        var source = feed.SourceName;
        long line = 0;
        var rest = text.AsSpan();
        while (true)
        {
            line++;
            int end = rest.IndexOfAny('\r', '\n');
            var content = (end < 0 ? rest : rest[..end]).Trim();
            if (!content.IsEmpty && content[0] != '#')
            {
                entries.Add(new SourceEntry(source, line, content.ToString(), hint));
            }

            if (end < 0)
            {
                return entries;
            }

            // CR LF, CR and LF each end one line, so line numbers match what an editor shows.
            bool crLf = rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n';
            rest = rest[(end + (crLf ? 2 : 1))..];
        }
    }
}
