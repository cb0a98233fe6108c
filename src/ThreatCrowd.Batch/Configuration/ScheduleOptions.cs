namespace ThreatCrowd.Batch.Configuration;

/// <summary>Section <c>Schedule</c>: when the <c>schedule</c> command starts a run.</summary>
internal sealed class ScheduleOptions
{
    /// <summary>A Quartz cron expression (seconds first): every night at 01:00.</summary>
    public string Cron { get; init; } = "0 0 1 * * ?";

    /// <summary>The time zone of the cron expression and of Lookup:StopAt (an IANA or Windows id).</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>
    /// With the store in PostgreSQL: how often each host of the cluster says it is alive. A host silent for twice
    /// this is taken for dead, and another takes over its triggers and its run.
    /// </summary>
    public TimeSpan ClusterCheckinInterval { get; init; } = TimeSpan.FromSeconds(15);
}
