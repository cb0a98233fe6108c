using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Pivots;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// After the run's due list, the pivots its answers revealed, asked in the same run: round after round (each may
/// reveal the next depth), shallowest first, until none is left, the pivot budget is spent, or the run's limit
/// (--max-lookups, which counts every lookup) is reached.
/// </summary>
internal sealed class PivotRounds(BatchSession session, PivotBudget budget, int limit)
{
    /// <returns>How the last round ended, and whether the run's limit stopped the rounds.</returns>
    /// <param name="round">Asks a list of due indicators, loaded at the moment given with it.</param>
    public async Task<(RunEnd End, bool LimitReached)> RunAsync(Func<List<long>, DateTimeOffset, Task<RunEnd>> round)
    {
        var options = session.Options;
        var end = RunEnd.Completed;
        var limitReached = false;
        while (end == RunEnd.Completed)
        {
            var loadedAt = session.Clock.GetUtcNow();
            var due = session.Store.Queue.Load(loadedAt, options.Lookup.RefreshAfter, 0, options.Sources.PriorityPatterns());
            var limitLeft = limit > 0 ? limit - budget.Taken : int.MaxValue;
            var next = budget.Unasked(due, limitLeft);
            if (next.Count == 0)
            {
                // The limit, not the budget, held back what the budget still allows.
                limitReached = limitLeft <= 0 && budget.Unasked(due, int.MaxValue).Count > 0;
                break;
            }

            session.Console.Info($"looking up {Counted.Of(next.Count, "pivot")} revealed by the answers.");
            end = await round(next, loadedAt).ConfigureAwait(false);
        }

        if (budget.Spent)
        {
            session.Console.Info($"the pivot budget (Lookup:PivotBudget = {options.Lookup.PivotBudget:N0}) is spent; the other pivots stay due for the next run.");
        }

        return (end, limitReached);
    }
}
