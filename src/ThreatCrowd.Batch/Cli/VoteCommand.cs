using System.Globalization;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Runs;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Votes;

namespace ThreatCrowd.Batch.Cli;

/// <summary>
/// <c>vote --input FILE [--confirm]</c>: the analysts' verdicts become votes. A vote writes to a public service,
/// so without --confirm the command only lists what it would send. With it, the votes are stored first and then
/// sent, each once: a vote run that was stopped sends what is left when it is run again.
/// </summary>
internal static class VoteCommand
{
    public static async Task<int> RunAsync(BatchOptions options, CommandArguments arguments, RunConsole console, TimeProvider clock, CancellationToken ct)
    {
        if (arguments.Inputs.Count == 0)
        {
            throw new UsageException("vote needs --input FILE: a CSV of indicator,verdict rows (malicious or not_malicious).");
        }

        using var session = BatchSession.Open(options, clock, console, exclusive: true);
        var reader = new VoteFileReader(session.Guard);
        var lines = arguments.Inputs.SelectMany(reader.Read).ToList();
        foreach (var refused in lines.Where(line => line.Problem is not null))
        {
            console.Warn($"{refused.Source}:{refused.Line.ToString(CultureInfo.InvariantCulture)}: not sent: \"{refused.Value}\": {refused.Problem}");
        }

        var votes = lines.Where(line => line.Indicator is not null).Select(line => (line.Indicator!, line.Verdict)).Distinct().ToList();
        var store = session.Store.Votes;
        if (!arguments.Confirm)
        {
            return List(votes, store, console);
        }

        var added = store.Queue(votes, clock.GetUtcNow());
        console.Info($"{Counted.Of(votes.Count, "vote")} in the input, {added:N0} new.");
        var end = await new VoteSender(
            store, session.Store.Pacing, new VoteClient(session.Http, session.Options.VoteUri), session.Options.ThreatCrowd,
            session.Guard, session.Wire, session.Clock, session.Console).SendPendingAsync(ct).ConfigureAwait(false);
        var counts = store.CountsByState().ToDictionary(c => c.State, c => c.Count);
        console.Info($"votes: {counts.GetValueOrDefault(VoteState.Sent):N0} sent, {counts.GetValueOrDefault(VoteState.Pending):N0} pending, {counts.GetValueOrDefault(VoteState.Failed):N0} failed.");
        return BatchCommandLine.ExitCodeFor(end);
    }

    private static int List(List<(Model.Indicator Indicator, Verdict Verdict)> votes, IVoteStore store, RunConsole console)
    {
        var toSend = 0;
        foreach (var (indicator, verdict) in votes)
        {
            var stored = store.Find(indicator, verdict);
            var what = $"vote={verdict.ToVoteParameter()} {verdict.ToName(),-13} {indicator}";
            switch (stored?.State)
            {
                case VoteState.Sent:
                    console.Info($"  already sent  {what} ({stored.SentAt:yyyy-MM-dd HH:mm:ss} UTC)");
                    break;
                case VoteState.Failed:
                    console.Info($"  refused before {what}");
                    break;
                default:
                    console.Info($"  would send    {what}");
                    toSend++;
                    break;
            }
        }

        var earlier = store.PendingVotes().Count(p => !votes.Contains((p.Indicator, p.Verdict)));
        if (earlier > 0)
        {
            console.Info($"  and {Counted.Of(earlier, "vote")} confirmed earlier and still pending.");
        }

        console.Info($"nothing was sent: {Counted.Of(toSend + earlier, "vote")} would be. Add --confirm to send them.");
        return ExitCodes.Ok;
    }
}
