using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Requests;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.Batch.ThreatCrowdApi;

namespace ThreatCrowd.Batch.Tests.Requests;

/// <summary>What a retry does first (a lookup renews its claim) happens before it takes its turn, never inside it.</summary>
public sealed class RequestLoopRetryTests
{
    [Fact]
    public async Task The_step_before_a_retry_runs_outside_the_pace_turn_and_each_attempt_inside_it()
    {
        using var dir = new TempDirectory();
        using var connection = StoreDatabase.Open(dir.File("store.db"));
        var pacing = new TurnWatch(new PacingState(connection));
        var clock = new FakeClock { AutoAdvance = true };
        var options = new ThreatCrowdOptions { RequestInterval = TimeSpan.FromSeconds(10), MaxAttempts = 3 };
        using var loop = new RequestLoop(pacing, options, new WireActivity(clock), clock, new RunConsole(TextWriter.Null, TextWriter.Null), StopAdvice.Lookups, deadline: null);
        var attempts = new List<bool>();
        var beforeRetries = new List<bool>();

        var outcome = await loop.SendAsync(
            IPacingStore.VoteInFlight,
            _ =>
            {
                attempts.Add(pacing.Held);
                return Task.FromResult(new Result(attempts.Count < 3 ? "HTTP 503" : null));
            },
            CancellationToken.None,
            beforeRetry: () => beforeRetries.Add(pacing.Held));

        outcome.Attempts.ShouldBe(3);
        outcome.Result!.FailureReason.ShouldBeNull();
        attempts.ShouldBe([true, true, true], "each attempt is sent inside its turn");
        beforeRetries.ShouldBe([false, false], "once before each retry, with no turn held");
    }

    private sealed record Result(string? FailureReason) : IRequestResult
    {
        public bool Transient => FailureReason is not null;

        public bool Unreachable => false;

        public RetryAfter? RetryAfter => null;
    }

    /// <summary>The store's pacing, telling whether a turn is held at the moment.</summary>
    private sealed class TurnWatch(IPacingStore store) : IPacingStore
    {
        public bool Held { get; private set; }

        public DateTimeOffset? LastRequestAt() => store.LastRequestAt();

        public DateTimeOffset? LastRequestForNewProcess(DateTimeOffset now) => store.LastRequestForNewProcess(now);

        public async Task<IAsyncDisposable> HoldTurnAsync(TimeSpan interval, TimeProvider clock, long inFlight, CancellationToken ct)
        {
            var turn = await store.HoldTurnAsync(interval, clock, inFlight, ct);
            Held = true;
            return new Release(this, turn);
        }

        public void RecordRequest(DateTimeOffset startedAt, long indicatorId) => store.RecordRequest(startedAt, indicatorId);

        public void RecordCounted(DateTimeOffset at) => store.RecordCounted(at);

        public long? InFlight() => store.InFlight();

        public void Settle() => store.Settle();

        public void Pause(DateTimeOffset until, string reason) => store.Pause(until, reason);

        public ServerPause? PauseInForce(DateTimeOffset now) => store.PauseInForce(now);

        private sealed class Release(TurnWatch watch, IAsyncDisposable turn) : IAsyncDisposable
        {
            public async ValueTask DisposeAsync()
            {
                watch.Held = false;
                await turn.DisposeAsync();
            }
        }
    }
}
