using System.Text;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// Every source, held in memory for the indicators table (there are few: one per file or feed): its name, whether
/// it is a feed, and its place in the byte order of the names' UTF-8 (SQLite's BINARY, PostgreSQL's "C"), the
/// order in which an indicator's sources are listed. Both stores rank them here, so their tables cannot differ.
/// </summary>
internal sealed class SourceNames
{
    private readonly Dictionary<long, Source> _byId;

    private SourceNames(Dictionary<long, Source> byId) => _byId = byId;

    /// <param name="sources">Each source's id, name and kind as stored (<c>feed</c> for a feed).</param>
    public static SourceNames From(IEnumerable<(long Id, string Name, string Kind)> sources)
    {
        var ranked = sources.Select(s => (s.Id, s.Name, Feed: s.Kind == "feed", Utf8: Encoding.UTF8.GetBytes(s.Name))).ToList();
        ranked.Sort((a, b) => a.Utf8.AsSpan().SequenceCompareTo(b.Utf8));
        var byId = new Dictionary<long, Source>(ranked.Count);
        for (var rank = 0; rank < ranked.Count; rank++)
        {
            byId[ranked[rank].Id] = new Source(ranked[rank].Name, ranked[rank].Feed, rank);
        }

        return new SourceNames(byId);
    }

    public bool TryGet(long id, out Source source) => _byId.TryGetValue(id, out source);

    internal readonly record struct Source(string Name, bool IsFeed, int Rank);
}
