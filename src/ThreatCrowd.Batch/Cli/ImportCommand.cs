using System.Globalization;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Runs;

namespace ThreatCrowd.Batch.Cli;

/// <summary><c>import</c>: read the sources into the store and write the tables (rejects included), no lookups.</summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(BatchOptions options, CommandArguments arguments, RunConsole console, TimeProvider clock, CancellationToken ct)
    {
        using var session = BatchSession.Open(options, clock, console, exclusive: true);
        var summary = await new ImportStage(session).RunAsync(arguments.Inputs, ct).ConfigureAwait(false);
        await new ExportStage(session).RunAsync(runId: null, CancellationToken.None).ConfigureAwait(false);
        console.Info(string.Create(
            CultureInfo.InvariantCulture,
            $"imported {Counted.Of(summary.Accepted, "indicator")} from {Counted.Of(summary.SourcesRead, "source")} ({summary.Duplicates:N0} repeats, {summary.Rejected:N0} rejects). Look them up with: ./run.sh resume"));
        return ExitCodes.Ok;
    }
}
