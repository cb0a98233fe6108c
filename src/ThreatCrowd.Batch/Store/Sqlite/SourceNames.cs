using System.Text;
using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// Every source, held in memory for the indicators table (there are few: one per file or feed): its name, whether
/// it is a feed, and its place in SQLite's BINARY order of names (the bytes of their UTF-8), the order in which
/// an indicator's sources are listed.
/// </summary>
internal sealed class SourceNames
{
    private readonly Dictionary<long, Source> _byId;

    private SourceNames(Dictionary<long, Source> byId) => _byId = byId;

    public static SourceNames Load(SqliteConnection connection)
    {
        var sources = new List<(long Id, string Name, bool Feed, byte[] Utf8)>();
        foreach (var row in RowStream.Read(connection, "SELECT id, name, kind FROM sources"))
        {
            var name = row.GetString(1);
            sources.Add((row.GetInt64(0), name, row.GetString(2) == "feed", Encoding.UTF8.GetBytes(name)));
        }

        sources.Sort((a, b) => a.Utf8.AsSpan().SequenceCompareTo(b.Utf8));
        var byId = new Dictionary<long, Source>(sources.Count);
        for (var rank = 0; rank < sources.Count; rank++)
        {
            byId[sources[rank].Id] = new Source(sources[rank].Name, sources[rank].Feed, rank);
        }

        return new SourceNames(byId);
    }

    public bool TryGet(long id, out Source source) => _byId.TryGetValue(id, out source);

    internal readonly record struct Source(string Name, bool IsFeed, int Rank);
}
