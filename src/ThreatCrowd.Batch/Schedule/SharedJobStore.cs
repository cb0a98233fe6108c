namespace ThreatCrowd.Batch.Schedule;

/// <summary>
/// The clustered schedule: Quartz's job store in a PostgreSQL database that every host shares. Each host checks in
/// every <paramref name="CheckinInterval"/>; one that has missed its check-in by as much again is taken for dead, and
/// another host takes over its triggers and recovers the run it was doing.
/// </summary>
internal sealed record SharedJobStore(string ConnectionString, TimeSpan CheckinInterval)
{
    /// <summary>The scheduler's name in Quartz's tables: every host of one cluster has the same.</summary>
    public const string SchedulerName = "threatcrowd-batch";

    /// <summary>
    /// The longest a dead host's triggers and run wait before another host takes them over: its missed check-in
    /// (one interval), the grace Quartz gives it (one more), and the next check of a live host (at most one more).
    /// </summary>
    public TimeSpan TakeoverWithin => CheckinInterval * 3;

    // The connection string holds the database password: a record's generated ToString would print it.
    public override string ToString() => $"PostgreSQL job store, check-in every {CheckinInterval}";
}
