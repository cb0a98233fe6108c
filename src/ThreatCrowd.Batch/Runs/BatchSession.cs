using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// Everything a run works with, opened once: the settings, the locked store, the clock, the HTTP client and the
/// console. Disposing it releases the store for the next process.
/// </summary>
internal sealed class BatchSession : IDisposable
{
    public const string UserAgent = "ThreatCrowd.Batch/1.0 (bulk indicator lookups; one request per interval)";

    private BatchSession(BatchOptions options, IBatchStore store, TimeProvider clock, RunConsole console)
    {
        Options = options;
        Store = store;
        Clock = clock;
        Console = console;
        Guard = new SendGuard(options.Lookup.Exclude);
        Wire = new WireActivity(clock);
        Http = ThreatCrowdHttp.Create(
            options.ThreatCrowd.Timeout, string.IsNullOrWhiteSpace(options.ThreatCrowd.Proxy) ? null : options.ThreatCrowd.Proxy, UserAgent, Wire);
    }

    public BatchOptions Options { get; }

    /// <summary>The store, the only way to its database.</summary>
    public IBatchStore Store { get; }

    public TimeProvider Clock { get; }

    public RunConsole Console { get; }

    public SendGuard Guard { get; }

    public HttpClient Http { get; }

    /// <summary>When requests went out and answers came back: where the pacer measures the next turn from.</summary>
    public WireActivity Wire { get; }

    /// <summary>Opens the store; with <paramref name="exclusive"/> a store file is locked against any other process first.</summary>
    public static BatchSession Open(BatchOptions options, TimeProvider clock, RunConsole console, bool exclusive)
    {
        var store = StoreFactory.Open(options.Store.Settings(), exclusive);
        try
        {
            return new BatchSession(options, store, clock, console);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Http.Dispose();
        Store.Dispose();
    }
}
