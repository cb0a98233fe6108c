using System.Globalization;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Runs;
using ThreatCrowd.Batch.Status;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Cli;

/// <summary><c>status</c>: what the store holds, what is due and how long it will take, and the last runs.</summary>
internal static class StatusCommand
{
    public static int Run(BatchOptions options, RunConsole console, TimeProvider clock)
    {
        if (!StoreFactory.Exists(options.Store.Settings()))
        {
            console.Info($"no store at \"{options.Store.Path}\" yet. Start with './run.sh run --input FILE', or try './run.sh demo'.");
            return ExitCodes.Ok;
        }

        using var session = BatchSession.Open(options, clock, console, exclusive: false);
        var c = CultureInfo.InvariantCulture;
        var status = session.Store.Counts;
        var counts = status.CountsByTypeAndState();
        console.Info($"store {options.Store.Settings().Describe()}");
        console.Info(string.Create(c, $"indicators: {counts.Sum(x => x.Count):N0} ({Join(counts.GroupBy(x => x.State), c)})"));
        foreach (var type in counts.GroupBy(x => x.Type))
        {
            console.Info(string.Create(c, $"  {type.Key,-9} {type.Sum(x => x.Count),9:N0}  ({Join(type.GroupBy(x => x.State), c)})"));
        }

        var votes = session.Store.Votes.CountsByState().ToDictionary(x => x.State, x => x.Count);
        console.Info(string.Create(
            c,
            $"votes: {votes.GetValueOrDefault(VoteState.Pending):N0} pending, {votes.GetValueOrDefault(VoteState.Sent):N0} sent, {votes.GetValueOrDefault(VoteState.Failed):N0} failed"));
        var pivots = status.PivotsByDepth();
        if (pivots.Count > 0)
        {
            console.Info("pivots: " + string.Join(", ", pivots.Select(p => string.Create(c, $"depth {p.Depth}: {p.Count:N0} ({p.Queued:N0} queued)"))));
        }

        console.Info(string.Create(c, $"rejects: {status.Rejects():N0} (listed in {Path.Combine(options.Output.Directory, "rejects.csv")})"));
        var (cutAnswers, cutItems) = status.RelationsCut();
        if (cutAnswers > 0)
        {
            console.Info(string.Create(
                c, $"relations cut: {cutItems:N0} related items beyond Lookup:MaxRelationsPerAnswer ({options.Lookup.MaxRelationsPerAnswer:N0}) in {cutAnswers:N0} answer{(cutAnswers == 1 ? "" : "s")}, not kept"));
        }
        var now = clock.GetUtcNow();
        var due = session.Store.Queue.Count(now, options.Lookup.RefreshAfter);
        console.Info(due == 0 ? "due now: nothing." : "due now: " + QueueForecast.Describe(due, options, now));
        if (session.Store.Pacing.PauseInForce(now) is { } pause)
        {
            console.Info($"paused: the service asked for no request before {pause.Until:yyyy-MM-dd HH:mm:ss} UTC, {Durations.Humanize(pause.Until - now)} from now ({pause.Reason}).");
        }

        var next = session.Store.Queue.Load(now, options.Lookup.RefreshAfter, 5, options.Sources.PriorityPatterns());
        if (next.Count > 0)
        {
            console.Info("asked first:");
            foreach (var queued in next.Select(session.Store.Queue.Find).OfType<QueuedIndicator>())
            {
                var pivot = queued.Depth > 0 ? $", pivot at depth {queued.Depth}" : string.Empty;
                console.Info($"  {queued.Indicator} ({Kind(queued.State)}{pivot})");
            }
        }

        var runs = session.Store.Runs.Latest(5);
        console.Info(runs.Count == 0 ? "no runs yet." : "last runs:");
        foreach (var run in runs)
        {
            var ended = run.EndedAt is { } at ? $"{at:yyyy-MM-dd HH:mm:ss}" : "…";
            console.Info(string.Create(
                c,
                $"  #{run.Id} {run.Verb,-6} {run.StartedAt:yyyy-MM-dd HH:mm:ss} → {ended} UTC  {run.EndedBecause ?? "running"}: looked up {run.LookedUp:N0} of {run.DueAtStart:N0} due (found {run.Found:N0}, not found {run.NotFound:N0}, failed {run.Failed:N0})"));
        }

        var failures = status.FailuresByReason(10);
        if (failures.Count > 0)
        {
            console.Info("failed, by reason:");
            foreach (var (error, count, example) in failures)
            {
                console.Info(string.Create(c, $"  {count,7:N0}  {error} (e.g. {example})"));
            }
        }

        return ExitCodes.Ok;
    }

    private static string Kind(IndicatorState state) => state switch
    {
        IndicatorState.Pending => "never asked",
        IndicatorState.Failed => "failed before",
        _ => "answer due for refresh",
    };

    private static string Join(IEnumerable<IGrouping<string, (string Type, string State, long Count)>> byState, CultureInfo c) =>
        string.Join(", ", byState.Select(g => string.Create(c, $"{g.Key.Replace('_', ' ')} {g.Sum(x => x.Count):N0}")));
}
