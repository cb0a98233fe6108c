using ThreatCrowd.Batch.Lookups;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// Pauses the server asks for with <c>Retry-After</c> (on a 429 or a 503). A pause holds back every request of any
/// kind, so it goes to the pacer, and to the store for the next process. The run waits a pause out unless it is
/// longer than <c>ThreatCrowd:MaxPause</c> or would outlast the run's window: then the run ends, everything not
/// answered still due.
/// </summary>
internal sealed class ServerPauses(
    TimeProvider clock, RunConsole console, TimeSpan maxPause, RequestPacer pacer, IPacingStore pacing, DateTimeOffset? deadline)
{
    /// <summary>Records the pause a failed request asked for; false when the run should end rather than wait it out.</summary>
    public bool Honour(RetryAfter retryAfter, string? failure)
    {
        ArgumentNullException.ThrowIfNull(retryAfter);
        var now = clock.GetUtcNow();
        var until = retryAfter.Until(now);
        if (until <= now)
        {
            return true;
        }

        var pause = new ServerPause(until, $"{failure ?? "refused"}, {retryAfter.Describe()}");
        pacing.Pause(pause.Until, pause.Reason);
        pacer.PauseUntil(pause.Until);
        return MayWait(pause, now);
    }

    /// <summary>
    /// A pause left in the store by an earlier request, this process's or another's: it holds back the first request,
    /// or ends the run before it starts (false) when it is too long to wait out.
    /// </summary>
    public bool MayStart(ServerPause? pause)
    {
        if (pause is null)
        {
            return true;
        }

        var now = clock.GetUtcNow();
        if (!MayWait(pause, now))
        {
            return false;
        }

        console.Info($"the service asked for a pause until {pause.Until:yyyy-MM-dd HH:mm:ss} UTC ({pause.Reason}); the first request waits for it.");
        return true;
    }

    private bool MayWait(ServerPause pause, DateTimeOffset now)
    {
        var why = pause.Until - now > maxPause ? $"longer than ThreatCrowd:MaxPause ({Durations.Humanize(maxPause)})"
            : deadline is { } end && pause.Until >= end ? $"past the end of the run window at {end:yyyy-MM-dd HH:mm} UTC"
            : null;
        if (why is null)
        {
            return true;
        }

        console.Warn(
            $"the service asked for a pause until {pause.Until:yyyy-MM-dd HH:mm:ss} UTC ({pause.Reason}), {why}; stopping. " +
            $"Nothing answered is lost and the rest stays due: run 'resume' after the pause.");
        return false;
    }
}
