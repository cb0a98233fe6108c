using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ThreatCrowd.StandIn;

/// <summary>
/// Faults waiting to be applied, one per report or vote request in the order they were queued. With none queued the
/// stand-in answers normally. Feeds and other routes never consume a fault.
/// </summary>
public sealed class StandInFaults
{
    private readonly ConcurrentQueue<StandInFault> _queue = new();

    /// <summary>How many faults have not been applied yet.</summary>
    public int Pending => _queue.Count;

    public void Enqueue(StandInFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        _queue.Enqueue(fault);
    }

    internal bool TryTake([NotNullWhen(true)] out StandInFault? fault) => _queue.TryDequeue(out fault);
}
