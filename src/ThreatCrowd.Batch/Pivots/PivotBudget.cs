using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Pivots;

/// <summary>
/// One run's account of pivot lookups (depth 1 or more) against Lookup:PivotBudget, and of every indicator the run
/// already took, so that a later round never asks one twice (a failed one is due again at once).
/// </summary>
internal sealed class PivotBudget(int budget, int maxDepth)
{
    private readonly HashSet<long> _taken = [];
    private int _asked;

    public int Left => budget - _asked;

    /// <summary>How many indicators this run took from the queue, inputs and pivots, asked or skipped.</summary>
    public int Taken => _taken.Count;

    /// <summary>Whether a pivot was turned away because the budget was spent.</summary>
    public bool Spent { get; private set; }

    /// <summary>Inputs always may; a pivot only within Lookup:PivotDepth (pivots left from a deeper setting wait) and while the budget lasts.</summary>
    public bool MayAsk(QueuedIndicator queued)
    {
        _taken.Add(queued.Id);
        if (queued.Depth == 0)
        {
            return true;
        }

        if (queued.Depth > maxDepth)
        {
            return false;
        }

        Spent = _asked >= budget;
        return !Spent;
    }

    public void Asking(QueuedIndicator queued)
    {
        if (queued.Depth > 0)
        {
            _asked++;
        }
    }

    /// <summary>The due ids this run has not taken yet, at most as many as the budget (and the run's limit) has left.</summary>
    public List<long> Unasked(List<long> due, int limitLeft)
    {
        var untaken = due.Where(id => !_taken.Contains(id)).ToList();
        var left = Math.Max(Math.Min(Left, limitLeft), 0);
        Spent |= untaken.Count > Math.Max(Left, 0);
        return untaken.Count > left ? untaken[..left] : untaken;
    }
}
