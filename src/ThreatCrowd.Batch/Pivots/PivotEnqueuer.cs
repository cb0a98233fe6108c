using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Pivots;

/// <summary>
/// Decides what an answer's related items add to the queue: only below Lookup:PivotDepth, only from a malicious
/// indicator unless Lookup:PivotFrom is all, only infrastructure and samples (resolutions, subdomains, e-mails,
/// hashes, the domains and IPs of file reports; never references or scan labels), each classified and guarded
/// exactly like an input, so nothing the API must never see is ever queued.
/// </summary>
internal sealed class PivotEnqueuer(LookupOptions options, LookupGuard guard)
{
    private static readonly HashSet<string> Followed =
        [RelationKind.Resolution, RelationKind.Subdomain, RelationKind.Email, RelationKind.Hash, RelationKind.Domain, RelationKind.Ip];

    private readonly IndicatorClassifier classifier = new();

    public bool Enabled => options.PivotDepth > 0;

    /// <summary>Queues the items revealed by the answer, in its transaction; returns how many were queued.</summary>
    public int Enqueue(SqliteConnection connection, SqliteTransaction transaction, QueuedIndicator from, LookupAnswer answer, DateTimeOffset now)
    {
        if (from.Depth >= options.PivotDepth || !answer.Found)
        {
            return 0;
        }

        var writer = new PivotWriter(connection, transaction);
        if (options.PivotFrom != PivotSources.All && answer.Votes != -1 && !writer.IsFlagged(from.Id, from.Indicator))
        {
            return 0;
        }

        var queued = 0;
        foreach (var relation in answer.Relations.Where(r => Followed.Contains(r.Kind)))
        {
            if (classifier.Classify(relation.Related, null).Indicator is not { } target || target == from.Indicator || guard.WhyNotAllowed(target) is not null)
            {
                continue;
            }

            writer.Add(target, PivotWriter.SourceName(from.Indicator, relation.Kind), from.Depth + 1, now);
            queued++;
        }

        return queued;
    }
}
