namespace ThreatCrowd.Batch.Model;

internal static class RunEndNames
{
    public static string ToName(this RunEnd end) => end switch
    {
        RunEnd.Completed => "completed",
        RunEnd.LimitReached => "limit_reached",
        RunEnd.Interrupted => "interrupted",
        RunEnd.Unreachable => "unreachable",
        RunEnd.WindowClosed => "window_closed",
        RunEnd.Paused => "paused",
        _ => throw new ArgumentOutOfRangeException(nameof(end), end, "Unknown run end."),
    };
}
