using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Inputs;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// Reads and classifies a source's entries on a thread of its own, a few batches ahead of the store writing the
/// ones before: parsing and classifying cost about as much as storing, and the two then overlap. The batches
/// ahead are bounded, so memory does not grow with the input. The order of the entries is kept.
/// </summary>
internal sealed class ClassifyingReader(IndicatorClassifier classifier, LookupGuard guard)
{
    private const int BatchLength = 4096;
    private const int BatchesAhead = 4;

    public async IAsyncEnumerable<List<ImportItem>> ReadAsync(IEnumerable<SourceEntry> entries, [EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<List<ImportItem>>(new BoundedChannelOptions(BatchesAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Factory.StartNew(
            () => Produce(entries, channel.Writer, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var completed = false;
        try
        {
            // The producer always completes the channel, failed or not; its failure is rethrown below.
            await foreach (var batch in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return batch;
            }

            completed = true;
        }
        finally
        {
            if (!completed)
            {
                // The consumer stopped early (it failed or was cancelled): stop reading and wait for the file to close.
                await stop.CancelAsync().ConfigureAwait(false);
                await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        await producer.ConfigureAwait(false);
    }

    private void Produce(IEnumerable<SourceEntry> entries, ChannelWriter<List<ImportItem>> writer, CancellationToken ct)
    {
        try
        {
            var batch = new List<ImportItem>(BatchLength);
            long seen = 0;
            foreach (var entry in entries)
            {
                if ((++seen & 0x3FF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                batch.Add(Classify(entry));
                if (batch.Count == BatchLength)
                {
                    Hand(writer, batch, ct);
                    batch = new List<ImportItem>(BatchLength);
                }
            }

            if (batch.Count > 0)
            {
                Hand(writer, batch, ct);
            }
        }
        finally
        {
            writer.Complete();
        }
    }

    private ImportItem Classify(SourceEntry entry)
    {
        if (entry.Problem is not null)
        {
            return new ImportItem(entry.Line, entry.Value, null, entry.Problem);
        }

        var result = classifier.Classify(entry.Value, entry.TypeHint);
        if (result.Indicator is null)
        {
            return new ImportItem(entry.Line, entry.Value, null, result.RejectReason!);
        }

        return guard.WhyNotAllowed(result.Indicator) is { } why
            ? new ImportItem(entry.Line, entry.Value, null, why)
            : new ImportItem(entry.Line, entry.Value, result.Indicator, null);
    }

    // This thread is its own (long-running), so waiting here for room blocks nobody else.
    private static void Hand(ChannelWriter<List<ImportItem>> writer, List<ImportItem> batch, CancellationToken ct)
    {
        if (!writer.TryWrite(batch))
        {
            writer.WriteAsync(batch, ct).AsTask().GetAwaiter().GetResult();
        }
    }
}
