using System.Collections.Concurrent;

namespace ThreatCrowd.Batch.Pipelines;

/// <summary>
/// Enumerates a sequence on a thread of its own, a few batches ahead of the consumer, so that producing the items
/// (parsing a file, stepping through the store) and consuming them (writing the store, formatting a table) run on
/// two cores at once. The batches ahead are bounded, so memory does not grow with the sequence; the order is kept.
/// A failure of the producer is rethrown to the consumer after the batches before it; a consumer that stops early
/// stops the producer and waits for it, so nothing it holds open (a file, a statement) outlives the enumeration.
/// </summary>
/// <remarks>
/// Both sides block on their own threads rather than await: handing each batch through the thread pool woke pool
/// threads that then spun waiting for more work, and on two cores that spinning took a core's worth of time from
/// the work itself. Batches are large for the same reason: fewer hand-overs.
/// </remarks>
internal static class ReadAhead
{
    private const int BatchLength = 4096;
    private const int BatchesAhead = 2;

    public static IEnumerable<List<T>> Batches<T>(IEnumerable<T> source, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Consume(source, ct);
    }

    private static IEnumerable<List<T>> Consume<T>(IEnumerable<T> source, CancellationToken ct)
    {
        using var queue = new BlockingCollection<List<T>>(BatchesAhead);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Factory.StartNew(
            () => Produce(source, queue, stop.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var completed = false;
        try
        {
            // The producer always completes the queue, failed or not; its failure is rethrown below.
            foreach (var batch in queue.GetConsumingEnumerable(CancellationToken.None))
            {
                yield return batch;
            }

            completed = true;
        }
        finally
        {
            if (!completed)
            {
                stop.Cancel();
                ((IAsyncResult)producer).AsyncWaitHandle.WaitOne();
            }
        }

        producer.GetAwaiter().GetResult();
    }

    private static void Produce<T>(IEnumerable<T> source, BlockingCollection<List<T>> queue, CancellationToken ct)
    {
        try
        {
            var batch = new List<T>(BatchLength);
            foreach (var item in source)
            {
                batch.Add(item);
                if (batch.Count == BatchLength)
                {
                    queue.Add(batch, ct);
                    batch = new List<T>(BatchLength);
                }
            }

            if (batch.Count > 0)
            {
                queue.Add(batch, ct);
            }
        }
        finally
        {
            queue.CompleteAdding();
        }
    }
}
