using System.Globalization;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Runs;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Cli;

/// <summary><c>resume</c>: look up what is still due without reading the sources again, then write the tables.</summary>
internal static class ResumeCommand
{
    public static async Task<int> RunAsync(BatchOptions options, CommandArguments arguments, RunConsole console, TimeProvider clock, CancellationToken ct)
    {
        if (!StoreFactory.Exists(options.Store.Settings()))
        {
            console.Info($"nothing to resume: there is no store at \"{options.Store.Path}\" yet.");
            return ExitCodes.Ok;
        }

        using var session = BatchSession.Open(options, clock, console, exclusive: true);
        var latest = session.Store.Runs.Latest(1);
        var last = latest.Count > 0 ? latest[0] : null;
        var due = session.Store.Queue.Count(clock.GetUtcNow(), options.Lookup.RefreshAfter);
        var c = CultureInfo.InvariantCulture;
        var previous = last is null
            ? "no earlier run"
            : string.Create(c, $"run #{last.Id} ({last.Verb}, started {last.StartedAt:yyyy-MM-dd HH:mm} UTC, {last.EndedBecause ?? "still open"})");
        if (due == 0)
        {
            console.Info($"nothing to resume: nothing is due. Last: {previous}.");
            return ExitCodes.Ok;
        }

        console.Info(string.Create(c, $"resuming after {previous}: {due:N0} due, about {Durations.Humanize(options.ThreatCrowd.RequestInterval * due)} of lookups."));
        var limit = arguments.MaxLookups ?? options.Lookup.MaxPerRun;
        var end = await new BatchRun(session).ExecuteAsync("resume", importSources: false, [], limit, arguments.Until, ct).ConfigureAwait(false);
        return BatchCommandLine.ExitCodeFor(end);
    }
}
