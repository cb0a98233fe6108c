using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Cli;

/// <summary>The built program as a real process against the stand-in on loopback, with a real store file.</summary>
public sealed class ProgramProcessTests
{
    [Fact]
    public async Task A_run_answers_everything_writes_the_tables_and_exits_0()
    {
        using var dir = new TempDirectory();
        await using var server = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        var input = dir.Write("in.csv", "indicator\naoldaily.com\n188.40.75.132\nnothing-here.org\n");

        var (exit, output, error) = await ProgramProcess.RunAsync(dir.Path, ["run", .. Settings(server), "--input", input]);

        exit.ShouldBe(ExitCodes.Ok, output + error);
        output.ShouldContain("looked up 3 (found 2, not found 1, failed 0)");
        File.ReadAllText(dir.File("out/threatcrowd_indicators.csv")).ShouldStartWith("indicator,type,status,");
        using var db = new SqliteConnection($"Data Source={dir.File("store.db")};Pooling=false");
        db.Open();
        db.ExecuteScalar<long>("SELECT count(*) FROM answers").ShouldBe(3);
    }

    [Fact]
    public async Task The_demo_runs_the_whole_pipeline_offline_from_an_empty_folder()
    {
        using var dir = new TempDirectory();

        var (exit, output, error) = await ProgramProcess.RunAsync(dir.Path, "demo");

        exit.ShouldBe(ExitCodes.Ok, output + error);
        output.ShouldContain("stand-in ThreatCrowd service listening on http://127.0.0.1:");
        output.ShouldContain("failed 0)");
        output.ShouldContain("\n  rejects.csv                          values not looked up, and why\n");
        output.ShouldNotContain(@"\u000A");
        var indicators = File.ReadAllText(dir.File("out/demo/threatcrowd_indicators.csv"));
        indicators.ShouldContain("aoldaily.com,domain,found,");
        indicators.ShouldContain("plugx,antivirus,found,");
        indicators.ShouldNotContain(",pending,");
        var rejects = File.ReadAllText(dir.File("out/demo/rejects.csv"));
        rejects.ShouldContain("192.168.1.10");
        rejects.ShouldContain("10.0.0.5");
        rejects.ShouldContain("not a value!");

        var again = await ProgramProcess.RunAsync(dir.Path, "demo");
        again.Exit.ShouldBe(ExitCodes.Ok, again.Output + again.Error);
    }

    [Fact]
    public async Task Bad_configuration_exits_2_naming_the_key()
    {
        using var dir = new TempDirectory();

        var (exit, _, error) = await ProgramProcess.RunAsync(dir.Path, "status", "--ThreatCrowd:RequestInterval=soon");

        exit.ShouldBe(ExitCodes.BadUsage);
        error.ShouldContain("ThreatCrowd:RequestInterval");
    }

    [Fact]
    public async Task A_second_process_on_the_same_store_exits_4_naming_the_holder()
    {
        using var dir = new TempDirectory();
        using var held = StoreLock.Acquire(dir.File("store.db"));

        var (exit, _, error) = await ProgramProcess.RunAsync(dir.Path, "run", "--Store:Path=store.db", "--Sources:DefaultFeeds=false");

        exit.ShouldBe(ExitCodes.StoreLocked);
        error.ShouldContain($"process {Environment.ProcessId}");
    }

    [Fact]
    public async Task An_unreachable_endpoint_ends_the_run_with_exit_3_and_the_queue_still_due()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("in.csv", "domain\naoldaily.com\ngoogle.com\n");
        var closedPort = FreePort.Find();

        var (exit, output, error) = await ProgramProcess.RunAsync(
            dir.Path, "run", "--input", input, "--Store:Path=store.db", "--Output:Directory=out", "--Sources:DefaultFeeds=false",
            $"--ThreatCrowd:BaseUrl=http://127.0.0.1:{closedPort}/searchApi/v2/", "--ThreatCrowd:RequestInterval=00:00:00.010", "--ThreatCrowd:UnreachableAfter=3");

        exit.ShouldBe(ExitCodes.Unreachable, output + error);
        error.ShouldContain("resume");
        File.Exists(dir.File("out/threatcrowd_indicators.csv")).ShouldBeTrue();
        using var db = new SqliteConnection($"Data Source={dir.File("store.db")};Pooling=false");
        db.Open();
        db.ExecuteScalar<long>("SELECT count(*) FROM indicators WHERE state = 'pending'").ShouldBe(2);
    }

    [Fact]
    public async Task Sigint_stops_within_a_second_keeps_what_was_answered_writes_the_tables_and_exits_130()
    {
        using var dir = new TempDirectory();
        await using var server = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        var input = dir.Write("in.csv", "domain\n" + string.Join('\n', Enumerable.Range(0, 20).Select(i => $"host{i}.example-{i}.net")) + "\n");
        using var program = ProgramProcess.Start(dir.Path, ["run", .. Settings(server), "--input", input, "--ThreatCrowd:RequestInterval=00:00:05"]);
        await program.WaitForOutputAsync("[ 1/20]", TimeSpan.FromSeconds(90));

        var signalledAt = DateTime.UtcNow;
        program.Signal(2);
        var exit = await program.WaitForExitAsync(TimeSpan.FromSeconds(10));

        (DateTime.UtcNow - signalledAt).ShouldBeLessThan(TimeSpan.FromSeconds(3), "a stop within a second, with room for a slow machine\n" + program.Output + program.Error);
        exit.ShouldBe(ExitCodes.Interrupted, program.Output + program.Error);
        program.Output.ShouldContain("interrupted", Case.Sensitive, program.Output + program.Error);
        program.Output.ShouldContain("./run.sh resume", Case.Sensitive, program.Output + program.Error);
        File.ReadAllLines(dir.File("out/threatcrowd_indicators.csv")).Length.ShouldBe(21);
        using var db = new SqliteConnection($"Data Source={dir.File("store.db")};Pooling=false");
        db.Open();
        db.ExecuteScalar<long>("SELECT count(*) FROM answers").ShouldBe(1, program.Output + program.Error);
    }

    private static string[] Settings(StandInServer server) =>
    [
        "--ThreatCrowd:BaseUrl=" + server.ApiBaseUrl,
        "--ThreatCrowd:RequestInterval=00:00:00.050",
        "--Store:Path=store.db",
        "--Output:Directory=out",
        "--Sources:DefaultFeeds=false",
    ];
}
