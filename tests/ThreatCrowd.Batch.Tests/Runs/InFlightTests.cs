using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Runs;

public sealed class InFlightTests
{
    [Fact]
    public async Task What_a_dead_process_was_asking_is_a_failure_asked_again_after_the_others_and_then_settled()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\nfirst.example-one.org\nsecond.example-one.org\nthird.example-one.org\n");
        await h.RunAsync("import", "--input", input);
        using (var store = StoreFactory.Open(new StoreSettings(h.StorePath), exclusive: true))
        {
            // As a process killed mid-request leaves it: the start recorded, the outcome never stored.
            var first = store.Queue.Load(h.Clock.GetUtcNow(), TimeSpan.FromDays(7), 1, [])[0];
            store.Queue.Find(first)!.Indicator.Value.ShouldBe("first.example-one.org");
            store.Pacing.RecordRequest(h.Clock.GetUtcNow().AddMinutes(-5), first);
        }

        var result = await h.RunAsync("resume");

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Output.ShouldContain("domain first.example-one.org was being asked when the previous run stopped; it is asked again after the others.");
        h.AskedValues().ShouldBe(["second.example-one.org", "third.example-one.org", "first.example-one.org"]);
        using var after = new SqliteConnection($"Data Source={h.StorePath};Pooling=false");
        after.Open();
        after.ExecuteScalar<long?>("SELECT in_flight FROM pacing").ShouldBeNull();
        after.QuerySingle<(string, long)>("SELECT state, failures FROM indicators WHERE value = 'first.example-one.org'").ShouldBe(("not_found", 0L));
    }

    [Fact]
    public async Task A_cut_off_indicator_stays_behind_the_never_asked_ones_after_another_cut_off()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\nfirst.example-one.org\nsecond.example-one.org\nthird.example-one.org\n");
        await h.RunAsync("import", "--input", input);
        using (var db = StoreDatabase.Open(h.StorePath))
        {
            // Two dead processes in a row: the first cut off "first", the next one (which skipped it) "second".
            var pacing = new PacingState(db);
            pacing.RecordRequest(h.Clock.GetUtcNow().AddMinutes(-9), db.ExecuteScalar<long>("SELECT id FROM indicators WHERE value = 'first.example-one.org'"));
            new AnswerWriter(db).MarkCutOff(pacing.InFlight()!.Value, "the program stopped while asking it", h.Clock.GetUtcNow().AddMinutes(-8));
            pacing.RecordRequest(h.Clock.GetUtcNow().AddMinutes(-5), db.ExecuteScalar<long>("SELECT id FROM indicators WHERE value = 'second.example-one.org'"));
        }

        var status = await h.RunAsync("status");
        await h.RunAsync("resume");

        status.Output.ShouldContain("the program stopped while asking it");
        h.AskedValues().ShouldBe(["third.example-one.org", "first.example-one.org", "second.example-one.org"]);
    }

    [Fact]
    public async Task An_indicator_left_due_by_a_dead_endpoint_is_not_marked_as_cut_off()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\nfirst.example-one.org\nsecond.example-one.org\n");
        for (var i = 0; i < 3; i++)
        {
            h.Server.Faults.Enqueue(ThreatCrowd.StandIn.StandInFault.Html503());
        }

        var result = await h.RunAsync("run", "--input", input, "--ThreatCrowd:UnreachableAfter=3");

        result.Exit.ShouldBe(ExitCodes.Unreachable, result.ToString());
        using var after = new SqliteConnection($"Data Source={h.StorePath};Pooling=false");
        after.Open();
        after.ExecuteScalar<long?>("SELECT in_flight FROM pacing").ShouldBeNull();
    }
}
