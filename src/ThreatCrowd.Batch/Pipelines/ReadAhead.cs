using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ThreatCrowd.Batch.Pipelines;

/// <summary>
/// Enumerates a sequence on a thread of its own, a few batches ahead of the consumer, so that producing the items
/// (parsing a file, stepping through the store) and consuming them (writing the store, formatting a table) run on
/// two cores at once. The batches ahead are bounded, so memory does not grow with the sequence; the order is kept.
/// A failure of the producer is rethrown to the consumer once the batches before it are consumed; a consumer that
/// stops early stops the producer and waits for it, so nothing it holds open (a file, a statement) outlives the call.
/// </summary>
internal static class ReadAhead
{
    public const int DefaultBatchLength = 4096;
    public const int DefaultBatchesAhead = 4;

    public static async IAsyncEnumerable<List<T>> BatchesAsync<T>(
        IEnumerable<T> source,
        [EnumeratorCancellation] CancellationToken ct,
        int batchLength = DefaultBatchLength,
        int batchesAhead = DefaultBatchesAhead)
    {
        ArgumentNullException.ThrowIfNull(source);
        var channel = Channel.CreateBounded<List<T>>(new BoundedChannelOptions(batchesAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Factory.StartNew(
            () => Produce(source, channel.Writer, batchLength, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
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
                await stop.CancelAsync().ConfigureAwait(false);
                await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        await producer.ConfigureAwait(false);
    }

    private static void Produce<T>(IEnumerable<T> source, ChannelWriter<List<T>> writer, int batchLength, CancellationToken ct)
    {
        try
        {
            var batch = new List<T>(batchLength);
            foreach (var item in source)
            {
                batch.Add(item);
                if (batch.Count == batchLength)
                {
                    ct.ThrowIfCancellationRequested();
                    Hand(writer, batch, ct);
                    batch = new List<T>(batchLength);
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

    // The producer's thread is its own (long-running), so waiting here for room blocks nobody else.
    private static void Hand<T>(ChannelWriter<List<T>> writer, List<T> batch, CancellationToken ct)
    {
        if (!writer.TryWrite(batch))
        {
            writer.WriteAsync(batch, ct).AsTask().GetAwaiter().GetResult();
        }
    }
}
