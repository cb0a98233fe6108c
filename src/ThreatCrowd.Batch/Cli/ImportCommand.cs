using System.Globalization;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Runs;

namespace ThreatCrowd.Batch.Cli;

/// <summary>
/// <c>import</c>: read the sources into the store and write the tables (rejects included), no lookups. With
/// <c>--no-tables</c> it only reads: several lists imported one after another then cost one export, not one each.
/// </summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(BatchOptions options, CommandArguments arguments, RunConsole console, TimeProvider clock, CancellationToken ct)
    {
        using var session = BatchSession.Open(options, clock, console, exclusive: true);
        ImportSummary summary;
        try
        {
            summary = await new ImportStage(session).RunAsync(arguments.Inputs, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Not cancellable, as after an interrupted run: the tables show everything stored so far.
            if (!arguments.NoTables)
            {
                await new ExportStage(session).RunAsync(runId: null, CancellationToken.None).ConfigureAwait(false);
            }

            var kept = arguments.NoTables ? "is kept" : "is kept and the tables were written from it";
            console.Warn(
                $"import interrupted: what was stored before the signal {kept}. " +
                "Run the same import again to read the rest; values already stored are not counted twice.");
            return ExitCodes.Interrupted;
        }

        if (!arguments.NoTables)
        {
            await new ExportStage(session).RunAsync(runId: null, CancellationToken.None).ConfigureAwait(false);
        }

        var c = CultureInfo.InvariantCulture;
        var notRead = summary.SourcesFailed > 0 ? string.Create(c, $"; {Counted.Of(summary.SourcesFailed, "source")} not read, see the warnings above") : string.Empty;
        console.Info(string.Create(
            c,
            $"imported {Counted.Of(summary.Distinct, "indicator")} from {Counted.Of(summary.SourcesRead, "source")} ({summary.Repeats:N0} repeats, {summary.Rejected:N0} rejects{notRead}). Look them up with: ./run.sh resume{(arguments.NoTables ? "; the tables are as they were (./run.sh export writes them)" : "")}"));
        return ExitCodes.Ok;
    }
}
