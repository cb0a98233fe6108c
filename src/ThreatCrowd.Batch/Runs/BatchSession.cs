using Microsoft.Data.Sqlite;
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

    private readonly StoreLock? _lock;

    private BatchSession(BatchOptions options, SqliteConnection connection, StoreLock? storeLock, TimeProvider clock, RunConsole console)
    {
        Options = options;
        Connection = connection;
        _lock = storeLock;
        Clock = clock;
        Console = console;
        Guard = new SendGuard(options.Lookup.Exclude);
        Wire = new WireActivity(clock);
        Http = ThreatCrowdHttp.Create(
            options.ThreatCrowd.Timeout, string.IsNullOrWhiteSpace(options.ThreatCrowd.Proxy) ? null : options.ThreatCrowd.Proxy, UserAgent, Wire);
    }

    public BatchOptions Options { get; }

    public SqliteConnection Connection { get; }

    public TimeProvider Clock { get; }

    public RunConsole Console { get; }

    public SendGuard Guard { get; }

    public HttpClient Http { get; }

    /// <summary>When requests went out and answers came back: where the pacer measures the next turn from.</summary>
    public WireActivity Wire { get; }

    /// <summary>Opens the store; with <paramref name="exclusive"/> it is locked against any other process first.</summary>
    public static BatchSession Open(BatchOptions options, TimeProvider clock, RunConsole console, bool exclusive)
    {
        var storeLock = exclusive ? StoreLock.Acquire(options.Store.Path) : null;
        try
        {
            var connection = StoreDatabase.Open(options.Store.Path);
            return new BatchSession(options, connection, storeLock, clock, console);
        }
        catch
        {
            storeLock?.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Http.Dispose();
        Connection.Dispose();
        _lock?.Dispose();
    }
}
