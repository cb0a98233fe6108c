namespace ThreatCrowd.Batch.Tests.Support;

/// <summary>
/// Tests that measure the spacing of requests from real processes, kept from running beside each other: two of
/// them starting programs at once delay a first request enough to blur a spacing of one interval.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TimedProcesses
{
    public const string Name = "timed processes";
}
