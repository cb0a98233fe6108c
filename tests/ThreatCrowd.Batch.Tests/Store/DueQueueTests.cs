using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store;

public sealed class DueQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void Never_seen_come_first_then_failed_then_stale_oldest_first_and_fresh_not_at_all()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var ids = Import(db, "stale-new.com", "fresh.com", "pending.com", "failed.com", "stale-old.com");
        var writer = new AnswerWriter(db);
        var run = new RunLog(db).Start("test", Now);
        writer.SaveAnswer(ids["stale-new.com"], NotFound, Now - TimeSpan.FromDays(8), run);
        writer.SaveAnswer(ids["stale-old.com"], NotFound, Now - TimeSpan.FromDays(30), run);
        writer.SaveAnswer(ids["fresh.com"], NotFound, Now - TimeSpan.FromDays(1), run);
        writer.SaveFailure(ids["failed.com"], "HTTP 503", Now, run);

        var due = new DueQueue(db).Load(Now, Week, limit: 0, []);

        due.ShouldBe([ids["pending.com"], ids["failed.com"], ids["stale-old.com"], ids["stale-new.com"]]);
        new DueQueue(db).Count(Now, Week).ShouldBe(4);
    }

    [Fact]
    public void A_failed_indicator_waits_until_its_retry_time()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var ids = Import(db, "gone.com");
        new AnswerWriter(db).SaveFailure(ids["gone.com"], "HTTP 404 Not Found", Now + Week, new RunLog(db).Start("test", Now));

        new DueQueue(db).Load(Now, Week, 0, []).ShouldBeEmpty();
        new DueQueue(db).Load(Now + Week, Week, 0, []).ShouldBe([ids["gone.com"]]);
    }

    [Fact]
    public void The_count_of_pending_ones_comes_from_the_kept_counts_not_from_reading_the_rows()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var ids = Import(db, "a.com", "b.com", "c.com");
        new AnswerWriter(db).SaveFailure(ids["c.com"], "HTTP 503", Now, new RunLog(db).Start("test", Now));
        new DueQueue(db).Count(Now, Week).ShouldBe(3);

        // Were the rows counted, this would not change what the count says.
        db.Execute($"UPDATE indicator_counts SET count = 4000000 WHERE state = '{IndicatorStateNames.Pending}'");

        new DueQueue(db).Count(Now, Week).ShouldBe(4_000_001);
    }

    [Fact]
    public void A_limit_takes_the_first_in_priority_order()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var ids = Import(db, "a.com", "b.com", "c.com");

        new DueQueue(db).Load(Now, Week, limit: 2, []).ShouldBe([ids["a.com"], ids["b.com"]]);
    }

    [Fact]
    public void The_order_is_that_of_the_plain_sorted_query_whatever_the_states_and_times()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var random = new Random(6);
        var now = UnixMs.From(Now);
        var states = new[] { "pending", "failed", "found", "not_found" };
        for (var i = 1; i <= 400; i++)
        {
            // Times that tie, a few before 1970, and pending ones with a lookup time, which the program never writes.
            long? lookedUp = random.Next(4) == 0 ? null : now - (random.Next(-2, 20) * 86_400_000L);
            long? retryAfter = random.Next(3) == 0 ? null : now + (random.Next(-3, 3) * 3_600_000L);
            db.Execute(
                "INSERT INTO indicators (id, type, value, first_imported_at, last_imported_at, state, looked_up_at, retry_after) VALUES ($id, 'domain', $value, 1, 1, $state, $lookedUp, $retryAfter)",
                new { id = i * 3, value = $"host{i}.example.com", state = states[random.Next(states.Length)], lookedUp, retryAfter });
        }

        const string sorted =
            """
            SELECT id FROM indicators
            WHERE state = 'pending'
               OR (state = 'failed' AND (retry_after IS NULL OR retry_after <= $now))
               OR (state IN ('found', 'not_found') AND looked_up_at <= $staleBefore)
            ORDER BY CASE state WHEN 'pending' THEN 0 WHEN 'failed' THEN 1 ELSE 2 END, coalesce(looked_up_at, 0), id
            """;
        var expected = db.Query<long>(sorted, new { now, staleBefore = UnixMs.From(Now - Week) }).ToList();

        new DueQueue(db).Load(Now, Week, limit: 0, []).ShouldBe(expected);
        new DueQueue(db).Load(Now, Week, limit: 7, []).ShouldBe(expected.Take(7));
    }

    private static LookupAnswer NotFound => new(false, null, null, null, null, [], """{"response_code":"0"}""");

    private static Dictionary<string, long> Import(SqliteConnection db, params string[] domains)
    {
        using (var writer = new ImportWriter(db, "in.csv", SourceKind.Csv, Now - TimeSpan.FromDays(60)))
        {
            foreach (var domain in domains)
            {
                writer.Add(new Indicator(IndicatorType.Domain, domain));
            }

            writer.Complete();
        }

        return db.Query<(string Value, long Id)>("SELECT value, id FROM indicators").ToDictionary(x => x.Value, x => x.Id);
    }
}
