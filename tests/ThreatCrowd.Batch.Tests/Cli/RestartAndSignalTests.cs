using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Cli;

/// <summary>Process boundaries: pacing kept across restarts, SIGTERM, a second Ctrl-C, the standard proxy variable.</summary>
[Collection(TimedProcesses.Name)]
public sealed class RestartAndSignalTests
{
    [Fact]
    public async Task A_run_started_right_after_another_waits_out_the_rest_of_the_interval()
    {
        await using var server = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        using var dir = new TempDirectory();
        dir.Write("in.csv", "domain\naoldaily.com\ngoogle.com\n");
        string[] args = ["run", "--input", "in.csv", "--max-lookups", "1", "--Store:Path=store.db", "--Sources:DefaultFeeds=false",
            "--ThreatCrowd:BaseUrl=" + server.ApiBaseUrl, "--ThreatCrowd:RequestInterval=00:00:03"];

        (await ProgramProcess.RunAsync(dir.Path, args)).Exit.ShouldBe(ExitCodes.Ok);
        (await ProgramProcess.RunAsync(dir.Path, args)).Exit.ShouldBe(ExitCodes.Ok);

        var starts = server.Requests.Where(r => r.Path.Contains("/report", StringComparison.Ordinal)).Select(r => r.At).ToList();
        starts.Count.ShouldBe(2);
        // Without the stored time the second process would ask as soon as it started, a few hundred ms later. These
        // are arrival times, and each process's first send also waits for its HTTP stack to start, hence the margin.
        (starts[1] - starts[0]).ShouldBeGreaterThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Sigterm_stops_like_ctrl_c_writes_the_tables_and_exits_130()
    {
        await using var server = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        using var dir = new TempDirectory();
        using var program = StartSlowRun(server, dir);
        await program.WaitForOutputAsync("[ 1/20]", TimeSpan.FromSeconds(90));

        program.Signal(15);
        var exit = await program.WaitForExitAsync(TimeSpan.FromSeconds(10));

        exit.ShouldBe(ExitCodes.Interrupted, program.Output + program.Error);
        program.Error.ShouldContain("SIGTERM");
        File.ReadAllLines(dir.File("out/threatcrowd_indicators.csv")).Length.ShouldBe(21);
    }

    [Fact]
    public async Task Sigterm_during_a_scheduled_run_lets_it_store_and_write_the_tables_then_the_schedule_exits()
    {
        await using var server = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        using var dir = new TempDirectory();
        dir.Write("in.csv", "domain\n" + string.Join('\n', Enumerable.Range(0, 20).Select(i => $"host{i}.example-{i}.net")) + "\n");
        using var program = ProgramProcess.Start(dir.Path, "schedule", "--Sources:CsvFiles:0=in.csv", "--Store:Path=store.db", "--Output:Directory=out",
            "--Sources:DefaultFeeds=false", "--Schedule:Cron=* * * * * ?", "--ThreatCrowd:BaseUrl=" + server.ApiBaseUrl, "--ThreatCrowd:RequestInterval=00:00:05");
        await program.WaitForOutputAsync("[ 1/20]", TimeSpan.FromSeconds(90));

        program.Signal(15);
        var exit = await program.WaitForExitAsync(TimeSpan.FromSeconds(10));

        exit.ShouldBe(ExitCodes.Ok, program.Output + program.Error);
        program.Output.ShouldContain("schedule: stopping: letting the current run store its answers and write the tables.");
        program.Output.ShouldContain("schedule: run ended: interrupted.");
        File.ReadAllLines(dir.File("out/threatcrowd_indicators.csv")).Length.ShouldBe(21);
        using var db = new SqliteConnection($"Data Source={dir.File("store.db")};Pooling=false");
        db.Open();
        db.ExecuteScalar<string>("SELECT group_concat(ended_because) FROM runs").ShouldBe("interrupted");
    }

    [Fact]
    public async Task A_second_ctrl_c_ends_at_once_and_the_store_stays_intact()
    {
        await using var server = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        using var dir = new TempDirectory();
        using var program = StartSlowRun(server, dir);
        await program.WaitForOutputAsync("[ 1/20]", TimeSpan.FromSeconds(90));

        program.Signal(2);
        program.Signal(2);
        var exit = await program.WaitForExitAsync(TimeSpan.FromSeconds(10));

        exit.ShouldBe(ExitCodes.Interrupted, program.Output + program.Error);
        using var db = new SqliteConnection($"Data Source={dir.File("store.db")};Pooling=false");
        db.Open();
        db.ExecuteScalar<string>("PRAGMA integrity_check").ShouldBe("ok");
        db.ExecuteScalar<long>("SELECT count(*) FROM answers").ShouldBe(1, program.Output + program.Error);
    }

    [Fact]
    public async Task The_standard_proxy_variable_is_honoured_when_no_proxy_is_configured()
    {
        await using var proxy = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        using var dir = new TempDirectory();
        dir.Write("in.csv", "domain\naoldaily.com\n");
        var environment = new Dictionary<string, string> { ["HTTP_PROXY"] = proxy.Root.ToString(), ["NO_PROXY"] = "" };

        using var program = ProgramProcess.Start(dir.Path, environment, "run", "--input", "in.csv", "--Store:Path=store.db", "--Sources:DefaultFeeds=false",
            "--ThreatCrowd:BaseUrl=http://threatcrowd.invalid/searchApi/v2/", "--ThreatCrowd:RequestInterval=00:00:00.010");
        var exit = await program.WaitForExitAsync(TimeSpan.FromSeconds(30));

        exit.ShouldBe(ExitCodes.Ok, program.Output + program.Error);
        proxy.Requests.ShouldContain(r => r.Path.Contains("domain/report", StringComparison.Ordinal));
    }

    private static ProgramProcess StartSlowRun(StandInServer server, TempDirectory dir)
    {
        dir.Write("in.csv", "domain\n" + string.Join('\n', Enumerable.Range(0, 20).Select(i => $"host{i}.example-{i}.net")) + "\n");
        return ProgramProcess.Start(dir.Path, "run", "--input", "in.csv", "--Store:Path=store.db", "--Output:Directory=out",
            "--Sources:DefaultFeeds=false", "--ThreatCrowd:BaseUrl=" + server.ApiBaseUrl, "--ThreatCrowd:RequestInterval=00:00:05");
    }
}
