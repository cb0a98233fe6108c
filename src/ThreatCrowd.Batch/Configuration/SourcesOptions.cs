namespace ThreatCrowd.Batch.Configuration;

/// <summary>
/// Section <c>Sources</c>. The default feeds are a switch, not list entries: layered JSON configuration merges
/// lists by index and ignores empty ones, so a user could never take a default entry out of a list.
/// </summary>
internal sealed class SourcesOptions
{
    public string[] CsvFiles { get; init; } = [];

    public bool DefaultFeeds { get; init; } = true;

    public FeedOptions[] Feeds { get; init; } = [];

    /// <summary>How to read particular files, where detection gets them wrong.</summary>
    public FileReadOptions[] Files { get; init; } = [];

    /// <summary>Read only the MISP attributes whose to_ids is 1; off, every attribute is read.</summary>
    public bool MispToIdsOnly { get; init; }

    /// <summary>Ranks sources: a higher number is asked first within each kind of due indicator.</summary>
    public SourcePriority[] Priorities { get; init; } = [];

    /// <summary>The priorities as plain patterns and ranks, the form the store takes them in.</summary>
    public IReadOnlyList<(string Pattern, int Priority)> PriorityPatterns() => [.. Priorities.Select(p => (p.Source, p.Priority))];
}
