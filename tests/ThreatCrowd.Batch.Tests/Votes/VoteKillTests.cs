using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Votes;

/// <summary>The real program killed with SIGKILL in the middle of a vote run, then run again.</summary>
[Collection(TimedProcesses.Name)]
public sealed class VoteKillTests
{
    [Fact]
    public async Task A_vote_run_killed_between_two_votes_and_run_again_sends_each_vote_exactly_once()
    {
        await using var server = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        using var dir = new TempDirectory();
        dir.Write("votes.csv", "aoldaily.com,malicious\ngoogle.com,not_malicious\n188.40.75.132,malicious\nwilliam19770319@yahoo.com,malicious\n");
        // A long interval so that the kill lands in the pacer's wait, not during a request.
        string[] args = ["vote", "--input", "votes.csv", "--confirm", "--Store:Path=store.db",
            "--ThreatCrowd:VoteUrl=" + new Uri(server.Root, "vote.php"), "--ThreatCrowd:RequestInterval=00:00:01.500"];

        using (var program = ProgramProcess.Start(dir.Path, args))
        {
            await program.WaitForOutputAsync("voted malicious (vote=0) domain aoldaily.com", TimeSpan.FromSeconds(30));
            program.HasExited.ShouldBeFalse();
            program.KillHard();
            await program.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        var sentBeforeKill = Votes(server).Count;
        var rerun = await ProgramProcess.RunAsync(dir.Path, args);

        rerun.Exit.ShouldBe(ExitCodes.Ok, rerun.Output + rerun.Error);
        sentBeforeKill.ShouldBeLessThan(4, "the kill must land before the last vote");
        Votes(server).ShouldBe(
            ["?vote=0&value=aoldaily.com", "?vote=1&value=google.com", "?vote=0&value=188.40.75.132", "?vote=0&value=william19770319%40yahoo.com"],
            ignoreOrder: true);
    }

    private static List<string> Votes(StandInServer server) =>
        server.Requests.Where(r => r.Path == "/vote.php").Select(r => r.Query).ToList();
}
