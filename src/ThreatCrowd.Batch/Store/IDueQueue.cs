namespace ThreatCrowd.Batch.Store;

/// <summary>
/// What a run asks, in order: never-answered indicators first, then failed ones whose wait has passed, then answers
/// older than the refresh age; within each, higher-ranked sources first; pivots after every input, shallower first.
/// </summary>
internal interface IDueQueue
{
    /// <summary>The ids of the due indicators in the order they are asked, at most <paramref name="limit"/> (0: all).</summary>
    /// <param name="priorities">Sources:Priorities as plain patterns and ranks.</param>
    List<long> Load(DateTimeOffset now, TimeSpan refreshAfter, int limit, IReadOnlyList<(string Pattern, int Priority)> priorities);

    /// <summary>How many are due.</summary>
    long Count(DateTimeOffset now, TimeSpan refreshAfter);

    /// <summary>The indicator with this id as it is now, or null when there is none (or its type is unknown).</summary>
    QueuedIndicator? Find(long id);
}
