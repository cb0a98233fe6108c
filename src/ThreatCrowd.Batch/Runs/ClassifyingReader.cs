using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Inputs;
using ThreatCrowd.Batch.Pipelines;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// Reads and classifies a source's entries on a thread of its own, a few batches ahead of the store writing the
/// ones before (see <see cref="ReadAhead"/>): parsing and classifying cost about as much as storing, and the two
/// then overlap. Each value is classified and checked against what the API must never see.
/// </summary>
internal sealed class ClassifyingReader(IndicatorClassifier classifier, SendGuard guard)
{
    public IEnumerable<List<ImportItem>> Read(IEnumerable<SourceEntry> entries, CancellationToken ct) =>
        ReadAhead.Batches(entries.Select(Classify), ct);

    private ImportItem Classify(SourceEntry entry)
    {
        if (entry.Skipped is not null)
        {
            return new ImportItem(entry.Line, entry.Value, null, null, Skipped: entry.Skipped);
        }

        if (entry.Problem is not null)
        {
            return new ImportItem(entry.Line, entry.Value, null, entry.Problem, Unreadable: true);
        }

        var result = classifier.Classify(entry.Value, entry.TypeHint);
        if (result.Indicator is null)
        {
            return new ImportItem(entry.Line, entry.Value, null, result.RejectReason!, Unreadable: true);
        }

        return guard.WhyNotAllowed(result.Indicator) is { } why
            ? new ImportItem(entry.Line, entry.Value, null, why)
            : new ImportItem(entry.Line, entry.Value, result.Indicator, null, Context: entry.Context);
    }
}
