namespace ThreatCrowd.Batch.Configuration;

/// <summary>Section <c>Lookup</c>: what is asked, how often, and what never is.</summary>
internal sealed class LookupOptions
{
    public TimeSpan RefreshAfter { get; init; } = TimeSpan.FromDays(7);

    /// <summary>0 = no limit.</summary>
    public int MaxPerRun { get; init; }

    /// <summary>A time of day (HH:mm, in Schedule:TimeZone) at which a run stops looking up; empty = no window.</summary>
    public string StopAt { get; init; } = string.Empty;

    /// <summary>Domains (with their subdomains), <c>*.</c> wildcards, IP addresses and CIDR ranges never sent.</summary>
    public string[] Exclude { get; init; } = [];

    /// <summary>How many pivots away from an input indicator related items are looked up too; 0 = no pivots.</summary>
    public int PivotDepth { get; init; }

    /// <summary>Pivot lookups (depth 1 or more) per run at most; the rest stay due for the next run.</summary>
    public int PivotBudget { get; init; } = 100;

    /// <summary><c>malicious</c>: pivot only from indicators in a feed or voted malicious; <c>all</c>: from every answer.</summary>
    public string PivotFrom { get; init; } = PivotSources.Malicious;

    /// <summary>
    /// Related items kept per answer at most; the rest are counted (answers.relations_cut) and dropped. The biggest
    /// real answers held a few thousand; one hostile answer can hold millions, each a row in the store and the tables.
    /// </summary>
    public int MaxRelationsPerAnswer { get; init; } = DefaultMaxRelationsPerAnswer;

    public const int DefaultMaxRelationsPerAnswer = 10_000;
}
