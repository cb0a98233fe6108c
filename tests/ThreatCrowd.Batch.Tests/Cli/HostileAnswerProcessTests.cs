using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Inputs;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Cli;

/// <summary>A hostile server's answers and feeds against the real program: each failure is its own, the run goes on.</summary>
public sealed class HostileAnswerProcessTests
{
    [Fact]
    public async Task A_badly_compressed_answer_and_feed_fail_alone_the_tables_are_written_and_the_next_run_is_not_blocked()
    {
        using var dir = new TempDirectory();
        await using var server = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        await using var feed = new CannedHttpServer(
            CannedHttpServer.Response(200, "OK", "50.63.202.70\n", "text/plain", "Content-Encoding: gzip"));
        server.Faults.Enqueue(StandInFault.BadCompression("gzip"));
        var input = dir.Write("in.csv", "indicator\naoldaily.com\n188.40.75.132\n");
        string[] settings =
        [
            "--ThreatCrowd:BaseUrl=" + server.ApiBaseUrl, "--ThreatCrowd:RequestInterval=00:00:00.050", "--ThreatCrowd:MaxAttempts=1",
            "--Store:Path=store.db", "--Output:Directory=out", "--Sources:DefaultFeeds=false",
            "--Sources:Feeds:0:Url=" + feed.Url("/ips.txt"), "--Sources:Feeds:0:Type=ip",
        ];

        var first = await ProgramProcess.RunAsync(dir.Path, ["run", .. settings, "--input", input]);

        first.Exit.ShouldBe(ExitCodes.Ok, first.Output + first.Error);
        (first.Output + first.Error).ShouldContain("sent an unreadable body: body not validly compressed");
        first.Output.ShouldContain("looked up 2 (found 1, not found 0, failed 1)");
        var table = File.ReadAllText(dir.File("out/threatcrowd_indicators.csv"));
        table.ShouldContain("aoldaily.com,domain,failed,");
        table.ShouldContain("188.40.75.132,ip,found,");
        using (var db = new SqliteConnection($"Data Source={dir.File("store.db")};Pooling=false"))
        {
            db.ExecuteScalar<string>("SELECT last_error FROM indicators WHERE value = 'aoldaily.com'")
                .ShouldStartWith("unreadable answer from 127.0.0.1:");
        }

        var next = await ProgramProcess.RunAsync(dir.Path, ["run", .. settings, "--input", dir.Write("more.csv", "indicator\nnothing-here.org\n")]);

        next.Exit.ShouldBe(ExitCodes.Ok, next.Output + next.Error);
        File.ReadAllText(dir.File("out/threatcrowd_indicators.csv")).ShouldContain("nothing-here.org,domain,not_found,");
    }
}
