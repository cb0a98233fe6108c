using System.Collections.Concurrent;

namespace ThreatCrowd.Batch.Tables;

/// <summary>
/// Formats a table's JSON lines on a thread of its own while the caller formats the CSV of the same rows: the two
/// files are independent, and JSON, the longer of the two, would otherwise double the time of an export. Batches
/// wait in a short queue, so memory stays bounded; a failure here (a full disk) surfaces at the next batch or at
/// <see cref="CompleteAsync"/>.
/// </summary>
internal sealed class JsonLinesWorker<TRow> : IAsyncDisposable
{
    private const int BatchesAhead = 2;

    private readonly BlockingCollection<IReadOnlyList<TRow>> _queue = new(BatchesAhead);
    private readonly CancellationTokenSource _failed = new();
    private readonly Task _worker;

    public JsonLinesWorker(JsonLinesWriter json, IJsonLayout<TRow> layout)
    {
        _worker = Task.Factory.StartNew(() => Run(json, layout), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Add(IReadOnlyList<TRow> rows)
    {
        try
        {
            _queue.Add(rows, _failed.Token);
        }
        catch (OperationCanceledException) when (_failed.IsCancellationRequested)
        {
            // The worker stopped on an error: rethrow that error rather than the cancellation of this wait.
            _worker.GetAwaiter().GetResult();
            throw;
        }
    }

    /// <summary>Waits until every batch added is formatted; rethrows the worker's failure.</summary>
    public async Task CompleteAsync()
    {
        _queue.CompleteAdding();
        await _worker.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_queue.IsAddingCompleted)
        {
            _queue.CompleteAdding();
        }

        await _worker.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _queue.Dispose();
        _failed.Dispose();
    }

    private void Run(JsonLinesWriter json, IJsonLayout<TRow> layout)
    {
        try
        {
            foreach (var rows in _queue.GetConsumingEnumerable())
            {
                foreach (var row in rows)
                {
                    layout.WriteJson(json.BeginLine(), row);
                    json.EndLine();
                }
            }
        }
        catch
        {
            _failed.Cancel();
            throw;
        }
    }
}
