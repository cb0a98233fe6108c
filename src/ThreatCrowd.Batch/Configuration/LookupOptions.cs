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
}
