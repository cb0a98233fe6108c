using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Schedule;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Runs;

/// <summary>A run that stops on an error still ends its record, with the reason, on the command line and under schedule.</summary>
public sealed class RunFailureTests
{
    private const string Input = "indicator\naoldaily.com\n";

    [Fact]
    public async Task A_run_that_exits_1_is_recorded_as_failed_with_its_reason_not_left_running()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Input);
        h.Dir.Write("out", "a file where the output folder should be");

        var result = await h.RunAsync("run", "--input", input);

        result.Exit.ShouldBe(ExitCodes.Unexpected, result.ToString());
        var ended = EndedBecause(h.StorePath);
        ended.ShouldStartWith("failed: ");
        ended.ShouldContain(h.OutputDirectory);
        var status = await h.RunAsync("status");
        status.Output.ShouldContain(ended);
        status.Output.ShouldNotContain("running");
    }

    [Fact]
    public async Task A_scheduled_run_that_fails_is_logged_with_its_reason_and_recorded_as_failed()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", Input);
        h.Dir.Write("out", "a file where the output folder should be");
        var options = BatchConfiguration.Load(null, [
            "--ThreatCrowd:BaseUrl=" + h.Server.ApiBaseUrl, "--Sources:DefaultFeeds=false", "--Sources:CsvFiles:0=" + input,
            "--Store:Path=" + h.StorePath, "--Output:Directory=" + h.OutputDirectory,
        ]);
        var log = new StringWriter();
        var runs = new ScheduledRuns(options, h.Clock, new RunConsole(log, log), CancellationToken.None);

        await runs.RunOnceAsync("trigger", CancellationToken.None);

        var ended = EndedBecause(h.StorePath);
        ended.ShouldStartWith("failed: ");
        log.ToString().ShouldContain("schedule: the run failed: ");
        log.ToString().ShouldContain(h.OutputDirectory);
        log.ToString().ShouldContain("The schedule goes on.");
    }

    private static string EndedBecause(string store)
    {
        using var db = new SqliteConnection($"Data Source={store};Pooling=false");
        db.Open();
        return db.ExecuteScalar<string>("SELECT ended_because FROM runs ORDER BY id DESC LIMIT 1") ?? "(still running)";
    }
}
