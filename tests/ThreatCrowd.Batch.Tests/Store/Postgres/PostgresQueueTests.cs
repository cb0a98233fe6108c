using System.Collections.Concurrent;
using Dapper;
using Npgsql;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Postgres;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store.Postgres;

[Collection(PostgresTests.Name)]
public sealed class PostgresQueueTests(PostgresCluster cluster)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private static readonly (string Pattern, int Priority)[] NoRanks = [];

    [Fact]
    public async Task Two_processes_walking_the_same_list_at_once_each_take_different_indicators_and_together_all()
    {
        using var store = await StoreWithAsync(300);
        var taken = new ConcurrentBag<(string Claimant, long Id)>();

        string[] claimants = ["host-a:1:1", "host-b:2:2"];
        await Task.WhenAll(claimants.Select(claimant => Task.Run(() =>
        {
            var queue = new PostgresQueue(store, claimant, Lease);
            var writer = new PostgresAnswerWriter(store);
            foreach (var id in queue.Load(Monday, TimeSpan.Zero, 0, NoRanks))
            {
                if (queue.Claim(id, Monday, TimeSpan.Zero, Monday) is { } next)
                {
                    taken.Add((claimant, next.Id));
                    writer.SaveAnswer(next.Id, NotFound(next.Indicator), Monday.AddSeconds(1), runId: 0);
                }
            }
        })));

        taken.Count.ShouldBe(300);
        taken.Select(t => t.Id).Distinct().Count().ShouldBe(300, "no indicator asked twice in one pass");
        taken.Select(t => t.Claimant).Distinct().Count().ShouldBe(2, "both processes worked");
    }

    [Fact]
    public async Task An_indicator_another_host_answered_after_the_list_was_loaded_is_not_claimed_even_when_answers_go_stale_at_once()
    {
        using var store = await StoreWithAsync(1);
        var a = new PostgresQueue(store, "host-a:1:1", Lease);
        var b = new PostgresQueue(store, "host-b:2:2", Lease);
        var id = b.Load(Monday, TimeSpan.Zero, 0, NoRanks).ShouldHaveSingleItem();

        var claimed = a.Claim(id, Monday, TimeSpan.Zero, Monday).ShouldNotBeNull();
        new PostgresAnswerWriter(store).SaveAnswer(claimed.Id, NotFound(claimed.Indicator), Monday.AddSeconds(1), runId: 0);

        b.Claim(id, Monday, TimeSpan.Zero, Monday.AddSeconds(2)).ShouldBeNull("answered after b's list was loaded: not due in b's pass");
        b.Claim(id, Monday.AddSeconds(3), TimeSpan.Zero, Monday.AddSeconds(3)).ShouldNotBeNull("due again in a later pass with RefreshAfter 0");
    }

    [Fact]
    public async Task A_claim_of_a_process_of_this_host_that_is_gone_is_freed_by_the_next_list_at_once_one_still_running_is_not()
    {
        using var store = await StoreWithAsync(2);
        var goneName = ProcessName.Of(Environment.MachineName, await ExitedProcessIdAsync(), DateTimeOffset.UtcNow);
        var gone = new PostgresQueue(store, goneName, Lease);
        var running = new PostgresQueue(store, ProcessName.Current, Lease);
        var ids = gone.Load(Monday, TimeSpan.Zero, 0, NoRanks);
        gone.Claim(ids[0], Monday, TimeSpan.Zero, Monday).ShouldNotBeNull();
        running.Claim(ids[1], Monday, TimeSpan.Zero, Monday).ShouldNotBeNull();

        var next = new PostgresQueue(store, ProcessName.Of(Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow.AddSeconds(1)), Lease);

        next.Load(Monday, TimeSpan.Zero, 0, NoRanks).ShouldBe([ids[0]], "well within the lease, only the gone process's claim is freed");
        next.Claim(ids[0], Monday, TimeSpan.Zero, Monday).ShouldNotBeNull();
    }

    [Fact]
    public void A_name_is_gone_only_on_this_host_and_only_when_its_process_is_not_the_one_running()
    {
        ProcessName.IsGoneFromThisHost(ProcessName.Current).ShouldBeFalse();
        ProcessName.IsGoneFromThisHost(ProcessName.Of(Environment.MachineName, 1, DateTimeOffset.FromUnixTimeMilliseconds(0)))
            .ShouldBeTrue("process 1 started long after a name given in 1970: its id was reused");
        ProcessName.IsGoneFromThisHost(ProcessName.Of("another-host-" + Environment.MachineName, int.MaxValue, DateTimeOffset.UtcNow))
            .ShouldBeFalse("another host's claims end with their lease only");
        ProcessName.IsGoneFromThisHost(Environment.MachineName + ":not-a-process").ShouldBeFalse();
    }

    [Fact]
    public async Task An_indicator_claimed_by_a_process_that_died_is_claimed_again_once_the_lease_ran_out()
    {
        using var store = await StoreWithAsync(1);
        var dead = new PostgresQueue(store, "host-a:1:1", Lease);
        var alive = new PostgresQueue(store, "host-b:2:2", Lease);
        var id = dead.Load(Monday, TimeSpan.Zero, 0, NoRanks).ShouldHaveSingleItem();
        dead.Claim(id, Monday, TimeSpan.Zero, Monday).ShouldNotBeNull();

        alive.Load(Monday, TimeSpan.Zero, 0, NoRanks).ShouldBeEmpty("a claimed indicator is left out of another host's list");
        alive.Claim(id, Monday, TimeSpan.Zero, Monday + Lease - TimeSpan.FromSeconds(1)).ShouldBeNull("still held within the lease");
        alive.Claim(id, Monday, TimeSpan.Zero, Monday + Lease).ShouldNotBeNull().Id.ShouldBe(id);
    }

    [Fact]
    public async Task A_renewed_claim_stays_held_and_a_released_one_is_due_to_anyone_at_once()
    {
        using var store = await StoreWithAsync(1);
        var a = new PostgresQueue(store, "host-a:1:1", Lease);
        var b = new PostgresQueue(store, "host-b:2:2", Lease);
        var id = a.Load(Monday, TimeSpan.Zero, 0, NoRanks).ShouldHaveSingleItem();
        a.Claim(id, Monday, TimeSpan.Zero, Monday).ShouldNotBeNull();

        a.Renew(id, Monday + Lease);
        b.Claim(id, Monday, TimeSpan.Zero, Monday + Lease).ShouldBeNull("renewed: held for another lease");
        a.Release(id);

        b.Claim(id, Monday, TimeSpan.Zero, Monday + TimeSpan.FromSeconds(1)).ShouldNotBeNull().Id.ShouldBe(id);
        a.Release(id);
        a.Claim(id, Monday, TimeSpan.Zero, Monday + TimeSpan.FromSeconds(2)).ShouldBeNull("releasing another's claim does nothing");
    }

    [Fact]
    public async Task The_list_is_in_due_queue_order_pending_then_failed_then_stale_and_pivots_last()
    {
        using var store = await StoreWithAsync(0);
        await using var connection = await store.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO indicators (id, type, value, first_imported_at, last_imported_at, state, looked_up_at, retry_after, depth) VALUES
              (1, 'domain', 'stale.example', 0, 0, 'found', 10, NULL, 0),
              (2, 'domain', 'failed.example', 0, 0, 'failed', 20, 5, 0),
              (3, 'domain', 'pivot.example', 0, 0, 'pending', NULL, NULL, 1),
              (4, 'domain', 'pending.example', 0, 0, 'pending', NULL, NULL, 0),
              (5, 'domain', 'fresh.example', 0, 0, 'found', @fresh, NULL, 0),
              (6, 'domain', 'waiting.example', 0, 0, 'failed', 20, @later, 0)
            """,
            new { fresh = UnixMs.From(Monday), later = UnixMs.From(Monday.AddDays(1)) });
        var queue = new PostgresQueue(store, "host-a:1:1", Lease);

        queue.Load(Monday, TimeSpan.FromDays(7), 0, NoRanks).ShouldBe([4, 2, 1, 3]);
        queue.Load(Monday, TimeSpan.FromDays(7), 2, NoRanks).ShouldBe([4, 2]);
        queue.Count(Monday, TimeSpan.FromDays(7)).ShouldBe(4);
        queue.Find(6).ShouldNotBeNull().Indicator.Value.ShouldBe("waiting.example");
    }

    [Fact]
    public async Task A_limited_list_reads_the_groups_apart_yet_gives_the_same_order_as_the_whole_one()
    {
        using var store = await StoreWithAsync(0);
        await using var connection = await store.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO indicators (id, type, value, first_imported_at, last_imported_at, state, looked_up_at, retry_after, depth) VALUES
              (1, 'domain', 'timed-late.example', 0, 0, 'pending', 50, NULL, 0),
              (2, 'domain', 'bare.example', 0, 0, 'pending', NULL, NULL, 0),
              (3, 'domain', 'timed-early.example', 0, 0, 'pending', 40, NULL, 0),
              (4, 'domain', 'failed.example', 0, 0, 'failed', 20, 5, 0)
            """);
        var queue = new PostgresQueue(store, "host-a:1:1", Lease);

        queue.Load(Monday, TimeSpan.FromDays(7), 0, NoRanks).ShouldBe([2, 3, 1, 4]);
        foreach (var limit in new[] { 1, 2, 3, 4, 5 })
        {
            queue.Load(Monday, TimeSpan.FromDays(7), limit, NoRanks).ShouldBe(new long[] { 2, 3, 1, 4 }.Take(limit), $"limit {limit}");
        }

        await connection.ExecuteAsync("UPDATE indicators SET state = 'found', looked_up_at = 10 WHERE state = 'pending'");
        queue.Load(Monday, TimeSpan.FromDays(7), 2, NoRanks).ShouldBe([4, 1], "with no pending one left (the kept counts say so), the failed and stale ones still come");
    }

    [Fact]
    public async Task Within_a_group_indicators_of_a_higher_ranked_source_come_first()
    {
        using var store = await StoreWithAsync(0);
        using (var low = new PostgresImportWriter(store, "bulk.csv", SourceKind.Csv, Monday))
        {
            low.Add(new Indicator(IndicatorType.Domain, "first-imported.example"));
            low.Complete();
        }

        using (var high = new PostgresImportWriter(store, "urgent.csv", SourceKind.Csv, Monday))
        {
            high.Add(new Indicator(IndicatorType.Domain, "urgent.example"));
            high.Complete();
        }

        var queue = new PostgresQueue(store, "host-a:1:1", Lease);

        var first = queue.Load(Monday, TimeSpan.FromDays(7), 0, [("urgent*", 10)])[0];
        queue.Find(first).ShouldNotBeNull().Indicator.Value.ShouldBe("urgent.example");
    }

    [Fact]
    public async Task An_answer_with_pivots_is_stored_whole_and_a_feed_makes_an_indicator_flagged()
    {
        using var store = await StoreWithAsync(0);
        using (var feed = new PostgresImportWriter(store, "feed:http://x/feeds/domains.txt", SourceKind.Feed, Monday))
        {
            feed.Add(new Indicator(IndicatorType.Domain, "listed.example"));
            feed.Complete();
        }

        var queue = new PostgresQueue(store, "host-a:1:1", Lease);
        var writer = new PostgresAnswerWriter(store);
        var listed = queue.Claim(queue.Load(Monday, TimeSpan.Zero, 0, NoRanks).ShouldHaveSingleItem(), Monday, TimeSpan.Zero, Monday).ShouldNotBeNull();
        var answer = new LookupAnswer(true, -1, "https://x/", null, null, [new Relation("resolutions", "192.0.2.7", "ip", "2026-11-01")], "{}");
        writer.SaveAnswer(listed.Id, answer, Monday.AddSeconds(1), runId: 0, [new Pivot(new Indicator(IndicatorType.Ip, "192.0.2.7"), "pivot:listed.example:resolutions", 1)]);

        writer.IsFlagged(listed.Id, listed.Indicator).ShouldBeTrue();
        await using var pg = await store.OpenConnectionAsync();
        (await pg.QuerySingleAsync<(string, bool, string?)>("SELECT i.state, a.found, i.claimed_by FROM indicators i JOIN answers a ON a.indicator_id = i.id WHERE i.id = @id", new { id = listed.Id }))
            .ShouldBe(("found", true, null), "storing the answer ends the claim");
        (await pg.ExecuteScalarAsync<long>("SELECT count(*) FROM relations")).ShouldBe(1);
        var later = Monday.AddSeconds(2);
        var pivot = queue.Claim(queue.Load(later, TimeSpan.FromDays(7), 0, NoRanks).ShouldHaveSingleItem(), later, TimeSpan.FromDays(7), later).ShouldNotBeNull();
        (pivot.Indicator.Value, pivot.Depth).ShouldBe(("192.0.2.7", 1));
        writer.IsFlagged(pivot.Id, pivot.Indicator).ShouldBeFalse();
    }

    private static LookupAnswer NotFound(Indicator indicator) =>
        new(false, null, null, null, null, [], "{\"response_code\":\"0\"}");

    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = System.Diagnostics.Process.Start("true") ?? throw new InvalidOperationException("true did not start");
        await process.WaitForExitAsync();
        return process.Id;
    }

    private async Task<NpgsqlDataSource> StoreWithAsync(int pending)
    {
        var store = PostgresDatabase.Open(await cluster.CreateDatabaseAsync());
        using var writer = new PostgresImportWriter(store, "a.csv", SourceKind.Csv, Monday);
        for (var i = 0; i < pending; i++)
        {
            writer.Add(new Indicator(IndicatorType.Domain, $"d{i}.example"));
        }

        writer.Complete();
        return store;
    }
}
