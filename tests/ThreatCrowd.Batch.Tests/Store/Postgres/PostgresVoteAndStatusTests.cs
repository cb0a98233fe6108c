using Dapper;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Postgres;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store.Postgres;

/// <summary>The votes and the status counts on PostgreSQL answer as the SQLite store's do for the same rows.</summary>
[Collection(PostgresTests.Name)]
public sealed class PostgresVoteAndStatusTests(PostgresCluster cluster)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Votes_are_queued_once_and_marked_as_on_sqlite()
    {
        using var dir = new TempDirectory();
        using var sqlite = StoreDatabase.Open(dir.File("store.db"));
        using var store = PostgresDatabase.Open(await cluster.CreateDatabaseAsync());
        var bad = new Indicator(IndicatorType.Domain, "bad.example");
        var good = new Indicator(IndicatorType.Ip, "192.0.2.1");
        (Indicator, Verdict)[] votes = [(bad, Verdict.Malicious), (good, Verdict.NotMalicious), (bad, Verdict.Malicious)];
        var a = new VoteStore(sqlite);
        var b = new PostgresVoteStore(store);

        b.Queue(votes, Monday).ShouldBe(a.Queue(votes, Monday));
        b.Queue(votes, Monday).ShouldBe(0);
        var pendingA = a.PendingVotes();
        var pendingB = b.PendingVotes();
        pendingB.Select(v => (v.Indicator, v.Verdict, v.State)).ShouldBe(pendingA.Select(v => (v.Indicator, v.Verdict, v.State)));
        a.MarkSent(pendingA[0].Id, Monday, 200);
        b.MarkSent(pendingB[0].Id, Monday, 200);
        a.MarkFailed(pendingA[1].Id, 400, "refused", permanent: true);
        b.MarkFailed(pendingB[1].Id, 400, "refused", permanent: true);

        b.CountsByState().ShouldBe(a.CountsByState());
        b.Find(bad, Verdict.Malicious).ShouldNotBeNull().SentAt.ShouldBe(Monday);
        b.Find(good, Verdict.Malicious).ShouldBeNull();
    }

    [Fact]
    public async Task Status_counts_match_the_sqlite_stores_for_the_same_indicators()
    {
        using var dir = new TempDirectory();
        using var sqlite = StoreDatabase.Open(dir.File("store.db"));
        using var store = PostgresDatabase.Open(await cluster.CreateDatabaseAsync());
        const string Rows =
            """
            INSERT INTO indicators (type, value, first_imported_at, last_imported_at, state, last_error, depth) VALUES
              ('domain', 'b.example', 0, 0, 'failed', 'timeout', 0),
              ('domain', 'a.example', 0, 0, 'failed', 'timeout', 1),
              ('ip', '192.0.2.9', 0, 0, 'failed', 'HTTP 500', 2),
              ('email', 'x@example.com', 0, 0, 'pending', NULL, 1),
              ('domain', 'c.example', 0, 0, 'found', NULL, 0)
            """;
        sqlite.Execute(Rows);
        // Rows inserted by plain SQL are not counted by the SQLite store (its writers count what they create).
        sqlite.Execute("INSERT INTO indicator_counts (type, state, count) SELECT type, state, count(*) FROM indicators GROUP BY type, state");
        await using (var pg = await store.OpenConnectionAsync())
        {
            await pg.ExecuteAsync(Rows);
        }

        var a = new StatusQueries(sqlite);
        var b = new PostgresStatusQueries(store);

        b.CountsByTypeAndState().ShouldBe(a.CountsByTypeAndState());
        b.PivotsByDepth().ShouldBe(a.PivotsByDepth());
        b.FailuresByReason(10).ShouldBe(a.FailuresByReason(10));
        b.RelationsCut().ShouldBe(a.RelationsCut());
        b.Rejects().ShouldBe(a.Rejects());
    }
}
