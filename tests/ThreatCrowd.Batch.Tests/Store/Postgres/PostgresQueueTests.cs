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
    private static readonly IReadOnlyDictionary<long, int> NoRanks = new Dictionary<long, int>();

    [Fact]
    public async Task Two_processes_claiming_at_once_each_take_different_indicators_and_together_all()
    {
        using var store = await StoreWithAsync(300);
        var taken = new ConcurrentBag<(string Claimant, long Id)>();

        string[] claimants = ["host-a:1:1", "host-b:2:2"];
        await Task.WhenAll(claimants.Select(claimant => Task.Run(() =>
        {
            var queue = new PostgresQueue(store, claimant);
            var writer = new PostgresAnswerWriter(store);
            while (queue.Claim(Monday, TimeSpan.Zero, Monday, Lease, NoRanks) is { } next)
            {
                taken.Add((claimant, next.Id));
                writer.SaveAnswer(next.Id, NotFound(next.Indicator), Monday.AddSeconds(1), runId: 0);
            }
        })));

        taken.Count.ShouldBe(300);
        taken.Select(t => t.Id).Distinct().Count().ShouldBe(300, "no indicator asked twice in one pass");
        taken.Select(t => t.Claimant).Distinct().Count().ShouldBe(2, "both processes worked");
    }

    [Fact]
    public async Task An_indicator_claimed_by_a_process_that_died_is_claimed_again_once_the_lease_ran_out()
    {
        using var store = await StoreWithAsync(1);
        var dead = new PostgresQueue(store, "host-a:1:1");
        var alive = new PostgresQueue(store, "host-b:2:2");
        var claimed = dead.Claim(Monday, TimeSpan.Zero, Monday, Lease, NoRanks).ShouldNotBeNull();

        alive.Claim(Monday, TimeSpan.Zero, Monday + Lease - TimeSpan.FromSeconds(1), Lease, NoRanks).ShouldBeNull("still held within the lease");
        var again = alive.Claim(Monday, TimeSpan.Zero, Monday + Lease, Lease, NoRanks);

        again.ShouldNotBeNull().Id.ShouldBe(claimed.Id);
    }

    [Fact]
    public async Task A_renewed_claim_stays_held_and_a_released_one_is_due_to_anyone_at_once()
    {
        using var store = await StoreWithAsync(1);
        var a = new PostgresQueue(store, "host-a:1:1");
        var b = new PostgresQueue(store, "host-b:2:2");
        var claimed = a.Claim(Monday, TimeSpan.Zero, Monday, Lease, NoRanks).ShouldNotBeNull();

        a.Renew(claimed.Id, Monday + Lease + Lease).ShouldBeTrue();
        b.Claim(Monday, TimeSpan.Zero, Monday + Lease, Lease, NoRanks).ShouldBeNull();
        a.Release(claimed.Id);

        b.Claim(Monday, TimeSpan.Zero, Monday + TimeSpan.FromSeconds(1), Lease, NoRanks).ShouldNotBeNull().Id.ShouldBe(claimed.Id);
        a.Renew(claimed.Id, Monday + Lease).ShouldBeFalse("the claim is now the other process's");
    }

    [Fact]
    public async Task The_claim_order_is_the_due_queue_order_pending_then_failed_then_stale_and_pivots_last()
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
        var queue = new PostgresQueue(store, "host-a:1:1");

        var order = new List<long>();
        while (queue.Claim(Monday, TimeSpan.FromDays(7), Monday, Lease, NoRanks) is { } next)
        {
            order.Add(next.Id);
        }

        order.ShouldBe([4, 2, 1, 3]);
        queue.Count(Monday, TimeSpan.FromDays(7)).ShouldBe(4);
    }

    [Fact]
    public async Task Within_a_group_indicators_of_a_higher_ranked_source_are_claimed_first()
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

        var queue = new PostgresQueue(store, "host-a:1:1");
        var ranks = queue.SourceRanksOf([("urgent*", 10)]);

        queue.Claim(Monday, TimeSpan.FromDays(7), Monday, Lease, ranks).ShouldNotBeNull().Indicator.Value.ShouldBe("urgent.example");
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

        var queue = new PostgresQueue(store, "host-a:1:1");
        var writer = new PostgresAnswerWriter(store);
        var listed = queue.Claim(Monday, TimeSpan.Zero, Monday, Lease, NoRanks).ShouldNotBeNull();
        var answer = new LookupAnswer(true, -1, "https://x/", null, null, [new Relation("resolutions", "192.0.2.7", "ip", "2026-11-01")], "{}");
        writer.SaveAnswer(listed.Id, answer, Monday.AddSeconds(1), runId: 0, [new Pivot(new Indicator(IndicatorType.Ip, "192.0.2.7"), "pivot:listed.example:resolutions", 1)]);

        writer.IsFlagged(listed.Id, listed.Indicator).ShouldBeTrue();
        await using var pg = await store.OpenConnectionAsync();
        (await pg.QuerySingleAsync<(string, bool)>("SELECT i.state, a.found FROM indicators i JOIN answers a ON a.indicator_id = i.id WHERE i.id = @id", new { id = listed.Id }))
            .ShouldBe(("found", true));
        (await pg.ExecuteScalarAsync<long>("SELECT count(*) FROM relations")).ShouldBe(1);
        var pivot = queue.Claim(Monday, TimeSpan.Zero, Monday.AddSeconds(2), Lease, NoRanks).ShouldNotBeNull();
        (pivot.Indicator.Value, pivot.Depth).ShouldBe(("192.0.2.7", 1));
        writer.IsFlagged(pivot.Id, pivot.Indicator).ShouldBeFalse();
    }

    private static LookupAnswer NotFound(Indicator indicator) =>
        new(false, null, null, null, null, [], "{\"response_code\":\"0\"}");

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
