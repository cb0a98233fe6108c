using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Pivots;

/// <summary>
/// Decides what an answer's related items add to the queue: only below Lookup:PivotDepth, only from a malicious
/// indicator unless Lookup:PivotFrom is all, only infrastructure and samples (resolutions, subdomains, e-mails,
/// hashes, the domains and IPs of file reports; never references or scan labels), each classified and guarded
/// exactly like an input, so nothing the API must never see is ever queued. The plan is plain data: the store
/// queues it in the answer's own transaction.
/// </summary>
internal sealed class PivotPlanner(LookupOptions options, LookupGuard guard)
{
    private static readonly HashSet<string> Followed =
        [RelationKind.Resolution, RelationKind.Subdomain, RelationKind.Email, RelationKind.Hash, RelationKind.Domain, RelationKind.Ip];

    private readonly IndicatorClassifier _classifier = new();

    public bool Enabled => options.PivotDepth > 0;

    /// <summary>
    /// The items the answer reveals that go to the queue with it. <paramref name="isFlagged"/> (named by a feed or
    /// voted malicious by the analysts) is asked only when Lookup:PivotFrom needs it and the crowd's votes do not say.
    /// </summary>
    public IReadOnlyList<Pivot> Plan(QueuedIndicator from, LookupAnswer answer, Func<bool> isFlagged)
    {
        ArgumentNullException.ThrowIfNull(isFlagged);
        if (!Enabled || from.Depth >= options.PivotDepth || !answer.Found)
        {
            return [];
        }

        if (options.PivotFrom != PivotSources.All && answer.Votes != -1 && !isFlagged())
        {
            return [];
        }

        var pivots = new List<Pivot>();
        foreach (var relation in answer.Relations.Where(r => Followed.Contains(r.Kind)))
        {
            if (_classifier.Classify(relation.Related, null).Indicator is not { } target || target == from.Indicator || guard.WhyNotAllowed(target) is not null)
            {
                continue;
            }

            pivots.Add(new Pivot(target, Pivot.SourceNameOf(from.Indicator, relation.Kind), from.Depth + 1));
        }

        return pivots;
    }
}
