using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Runs;

namespace ThreatCrowd.Batch.Cli;

/// <summary><c>run</c>: import the sources, look up what is due, write the tables.</summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(BatchOptions options, CommandArguments arguments, RunConsole console, TimeProvider clock, CancellationToken ct)
    {
        using var session = BatchSession.Open(options, clock, console, exclusive: true);
        var limit = arguments.MaxLookups ?? options.Lookup.MaxPerRun;
        var end = await new BatchRun(session).ExecuteAsync("run", importSources: true, arguments.Inputs, limit, arguments.Until, ct).ConfigureAwait(false);
        return BatchCommandLine.ExitCodeFor(end);
    }
}
