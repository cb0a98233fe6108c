namespace ThreatCrowd.Batch.Store;

/// <summary>
/// The sources of one indicator as its row in the indicators table shows them, gathered one provenance row at a
/// time and reused from row to row: the names in byte order, whether any is a feed, and what they said.
/// </summary>
internal sealed class IndicatorSources(SourceNames sources)
{
    private readonly List<SourceNames.Source> _names = [];
    private readonly List<(SourceNames.Source Source, string Text)> _contexts = [];

    public bool InFeed { get; private set; }

    /// <summary>Starts the next indicator.</summary>
    public void Clear()
    {
        _names.Clear();
        _contexts.Clear();
        InFeed = false;
    }

    /// <summary>One provenance row of the indicator; a source no longer known is passed over.</summary>
    public void Add(long sourceId, string? context)
    {
        if (!sources.TryGet(sourceId, out var source))
        {
            return;
        }

        _names.Add(source);
        InFeed |= source.IsFeed;
        if (context is not null)
        {
            _contexts.Add((source, context));
        }
    }

    /// <summary>The source names joined with ';' in byte order ("" when there is none).</summary>
    public string Names()
    {
        if (_names.Count == 1)
        {
            return _names[0].Name;
        }

        _names.Sort((a, b) => a.Rank.CompareTo(b.Rank));
        return string.Join(';', _names.Select(n => n.Name));
    }

    /// <summary>What each source said, in the order of the names, repeats left out: "feodo: Pikabot; threatfox: botnet_cc, Cobalt Strike"; null when none said anything.</summary>
    public string? Context() => _contexts.Count switch
    {
        0 => null,
        1 => _contexts[0].Text,
        _ => string.Join("; ", _contexts.OrderBy(c => c.Source.Rank).Select(c => c.Text).Distinct(StringComparer.Ordinal)),
    };
}
