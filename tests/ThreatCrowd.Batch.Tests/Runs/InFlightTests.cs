using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Runs;

public sealed class InFlightTests
{
    [Fact]
    public async Task What_a_dead_process_was_asking_is_asked_again_but_last_and_then_settled()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\nfirst.example-one.org\nsecond.example-one.org\nthird.example-one.org\n");
        await h.RunAsync("import", "--input", input);
        using (var db = StoreDatabase.Open(h.StorePath))
        {
            // As a process killed mid-request leaves it: the start recorded, the outcome never stored.
            var first = db.ExecuteScalar<long>("SELECT id FROM indicators WHERE value = 'first.example-one.org'");
            new PacingState(db).RecordRequest(h.Clock.GetUtcNow().AddMinutes(-5), first);
        }

        var result = await h.RunAsync("resume");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Output.ShouldContain("domain first.example-one.org was being asked when the previous run stopped; it is asked last this time.");
        h.AskedValues().ShouldBe(["second.example-one.org", "third.example-one.org", "first.example-one.org"]);
        using var after = new SqliteConnection($"Data Source={h.StorePath};Pooling=false");
        after.Open();
        after.ExecuteScalar<long?>("SELECT in_flight FROM pacing").ShouldBeNull();
    }
}
