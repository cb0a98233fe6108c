using System.Collections.Concurrent;
using ThreatCrowd.Batch.Schedule;

namespace ThreatCrowd.Batch.Tests.Schedule;

/// <summary>
/// One host's part of a cluster under test: each run it is asked for is recorded with the host's name, and while
/// <see cref="Hold"/> is set a run stays going until the test lets it go (or the host's end cancels it).
/// </summary>
internal sealed class RecordingWork(string host, ConcurrentQueue<(string Host, string Why, DateTimeOffset At)> runs) : IScheduledWork
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Hold { get; init; }

    public ConcurrentQueue<string> Lines { get; } = new();

    public async Task RunOnceAsync(string why, CancellationToken ct)
    {
        runs.Enqueue((host, why, DateTimeOffset.UtcNow));
        if (Hold)
        {
            await _release.Task.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    public void Log(string line) => Lines.Enqueue(line);

    public void Release() => _release.TrySetResult();
}
