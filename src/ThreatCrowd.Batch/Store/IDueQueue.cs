namespace ThreatCrowd.Batch.Store;

/// <summary>
/// What a run asks, in order: never-answered indicators first, then failed ones whose wait has passed, then answers
/// older than the refresh age; within each, higher-ranked sources first; pivots after every input, shallower first.
/// On a store shared between hosts every host walks the same order and takes each indicator by claiming it, so no
/// two hosts ask one indicator in one pass.
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

    /// <summary>
    /// Takes an indicator of the list <see cref="Load"/> gave at <paramref name="loadedAt"/> for this process to ask:
    /// null when it is no longer due as of then (another host asked it meanwhile) or another host holds it. On a
    /// shared store the claim lasts until the outcome is stored, it is released, or its lease runs out (the process
    /// died); on a store one process holds, it is the indicator as it is now.
    /// </summary>
    QueuedIndicator? Claim(long id, DateTimeOffset loadedAt, TimeSpan refreshAfter, DateTimeOffset now);

    /// <summary>Keeps the claim for another lease from <paramref name="now"/> (before each attempt of a lookup).</summary>
    void Renew(long id, DateTimeOffset now);

    /// <summary>Gives back a claimed indicator unasked (the run stopped, it was skipped): due to any host at once.</summary>
    void Release(long id);
}
