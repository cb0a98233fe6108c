using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Runs;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Cli;

/// <summary><c>export</c>: rewrite the tables from the store, without network. Safe beside a running run.</summary>
internal static class ExportCommand
{
    public static async Task<int> RunAsync(BatchOptions options, RunConsole console, TimeProvider clock, CancellationToken ct)
    {
        if (!StoreFactory.Exists(options.Store.Settings()))
        {
            console.Error($"no store at \"{options.Store.Path}\" to export from. Run './run.sh run --input FILE' first, or check Store:Path.");
            return ExitCodes.StoreUnusable;
        }

        using var session = BatchSession.Open(options, clock, console, exclusive: false);
        await new ExportStage(session).RunAsync(runId: null, ct).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
