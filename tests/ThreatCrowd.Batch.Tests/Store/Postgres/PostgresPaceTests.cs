using Dapper;
using Npgsql;
using ThreatCrowd.Batch.Store.Postgres;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store.Postgres;

[Collection(PostgresTests.Name)]
public sealed class PostgresPaceTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Two_hosts_asking_at_once_never_reach_the_strict_server_closer_than_the_interval()
    {
        var interval = TimeSpan.FromMilliseconds(300);
        using var dir = new TempDirectory();
        var arrivals = dir.File("arrivals.txt");
        await using var server = await StrictServer.StartAsync(interval, arrivals);
        var connectionString = await cluster.CreateDatabaseAsync();
        PostgresDatabase.Open(connectionString).Dispose();

        // Each host with its own connections and HTTP client, as two machines would be.
        await Task.WhenAll(Enumerable.Range(0, 2).Select(host => Task.Run(async () =>
        {
            using var store = PostgresDatabase.Open(connectionString);
            using var http = new HttpClient();
            var pace = new PostgresPace(store);
            for (var i = 0; i < 5; i++)
            {
                await using var turn = await pace.TakeTurnAsync(interval, TimeProvider.System, inFlight: i + 1, CancellationToken.None);
                using var response = await http.GetAsync(new Uri(server.ApiBaseUrl, $"domain/report/?domain=h{host}-{i}.example"), HttpCompletionOption.ResponseHeadersRead);
                await turn.CountedAsync(TimeSpan.Zero, CancellationToken.None);
            }
        })));

        var seen = StrictServer.Arrivals(arrivals);
        seen.Count.ShouldBe(10);
        seen.ShouldAllBe(a => !a.TurnedAway);
        StrictServer.SmallestGapMs(arrivals).ShouldBeGreaterThanOrEqualTo(interval.TotalMilliseconds);
    }

    [Fact]
    public async Task A_second_host_waits_the_interval_on_its_clock_from_the_first_hosts_counted_request()
    {
        var interval = TimeSpan.FromSeconds(10);
        var connectionString = await cluster.CreateDatabaseAsync();
        using var first = PostgresDatabase.Open(connectionString);
        using var second = PostgresDatabase.Open(connectionString);
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        await using (var turn = await new PostgresPace(first).TakeTurnAsync(interval, clock, 1, CancellationToken.None))
        {
            await turn.CountedAsync(TimeSpan.Zero, CancellationToken.None);
        }

        var waiting = new PostgresPace(second).TakeTurnAsync(interval, clock, 2, CancellationToken.None);
        await WaitForTimerAsync(clock);
        clock.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(200);
        waiting.IsCompleted.ShouldBeFalse("a turn within the interval of the other host's request");

        clock.Advance(TimeSpan.FromSeconds(1));
        await using var second_turn = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Waits.Sum(w => w.TotalSeconds).ShouldBeInRange(9.5, 10.0);
    }

    [Fact]
    public async Task While_a_host_holds_its_turn_no_other_host_takes_one()
    {
        var interval = TimeSpan.FromMilliseconds(1);
        var connectionString = await cluster.CreateDatabaseAsync();
        using var first = PostgresDatabase.Open(connectionString);
        using var second = PostgresDatabase.Open(connectionString);
        var held = await new PostgresPace(first).TakeTurnAsync(interval, TimeProvider.System, 1, CancellationToken.None);

        var waiting = new PostgresPace(second).TakeTurnAsync(interval, TimeProvider.System, 2, CancellationToken.None);
        await Task.Delay(500);
        waiting.IsCompleted.ShouldBeFalse("the first host's answer has not begun");

        await held.DisposeAsync();
        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_host_that_died_holding_its_turn_lets_the_next_go_measured_from_its_death()
    {
        var interval = TimeSpan.FromSeconds(10);
        var connectionString = await cluster.CreateDatabaseAsync();
        using var survivor = PostgresDatabase.Open(connectionString);
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        using var dying = PostgresDatabase.Open(connectionString);
        // Kept referenced: a collected connection's socket is closed by its finalizer, which would end the turn early.
        var abandoned = await new PostgresPace(dying).TakeTurnAsync(interval, clock, 7, CancellationToken.None);

        var waiting = new PostgresPace(survivor).TakeTurnAsync(interval, clock, 8, CancellationToken.None);
        await Task.Delay(300);
        waiting.IsCompleted.ShouldBeFalse();
        // Its connection ends, as when its process is killed: the lock goes with it.
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted", admin);
            await kill.ExecuteNonQueryAsync();
        }

        await WaitForTimerAsync(clock);
        clock.Advance(TimeSpan.FromSeconds(10));
        await using var turn = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Waits.ShouldHaveSingleItem().TotalSeconds.ShouldBe(10, tolerance: 0.001, "from when it got the lock: the dead host's request may have arrived until then");
        GC.KeepAlive(abandoned);
    }

    [Fact]
    public async Task A_pause_one_host_was_asked_for_holds_back_every_hosts_next_turn_on_the_clock_it_was_measured_on()
    {
        var interval = TimeSpan.FromMilliseconds(1);
        var connectionString = await cluster.CreateDatabaseAsync();
        using var first = PostgresDatabase.Open(connectionString);
        using var second = PostgresDatabase.Open(connectionString);
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero));
        new PostgresPacing(first).Pause(clock.GetUtcNow().AddMinutes(2), "429 Too Many Requests");

        var pacing = new PostgresPacing(second);
        pacing.PauseInForce(clock.GetUtcNow()).ShouldNotBeNull().Reason.ShouldBe("429 Too Many Requests");
        var waiting = pacing.HoldTurnAsync(interval, clock, 3, CancellationToken.None);
        await WaitForTimerAsync(clock);
        clock.Advance(TimeSpan.FromSeconds(119));
        await Task.Delay(200);
        waiting.IsCompleted.ShouldBeFalse("the pause has a second to go");

        clock.Advance(TimeSpan.FromSeconds(1));
        await using var turn = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Waits.Sum(w => w.TotalSeconds).ShouldBe(120, tolerance: 0.01);
        pacing.PauseInForce(clock.GetUtcNow()).ShouldBeNull();
    }

    [Fact]
    public async Task The_request_loops_record_of_the_answers_start_moves_the_shared_pace_and_ends_the_request_in_flight()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        using var store = PostgresDatabase.Open(connectionString);
        var pacing = new PostgresPacing(store);
        await using (await pacing.HoldTurnAsync(TimeSpan.FromMilliseconds(1), TimeProvider.System, 42, CancellationToken.None))
        {
            await using var probe = await store.OpenConnectionAsync();
            (await probe.ExecuteScalarAsync<long?>("SELECT in_flight FROM pacing WHERE id = 1")).ShouldBe(42);
            var before = pacing.LastRequestAt().ShouldNotBeNull();
            await Task.Delay(50);

            pacing.RecordCounted(DateTimeOffset.UtcNow);

            (await probe.ExecuteScalarAsync<long?>("SELECT in_flight FROM pacing WHERE id = 1")).ShouldBeNull();
            pacing.LastRequestAt().ShouldNotBeNull().ShouldBeGreaterThan(before.AddMilliseconds(40));
        }

        pacing.InFlight().ShouldBeNull("a host never marks another's request cut off: the lease and the pace cover a dead one");
    }

    private static async Task WaitForTimerAsync(FakeClock clock)
    {
        for (var i = 0; i < 300 && clock.Waits.Count == 0; i++)
        {
            await Task.Delay(50);
        }

        clock.Waits.ShouldNotBeEmpty("the second host should be waiting on its clock");
    }
}
