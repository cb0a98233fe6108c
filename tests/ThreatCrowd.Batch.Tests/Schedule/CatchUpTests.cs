using ThreatCrowd.Batch.Runs;
using ThreatCrowd.Batch.Schedule;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;

namespace ThreatCrowd.Batch.Tests.Schedule;

public sealed class CatchUpTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);
    private static readonly CronTimes NightlyAtOne = new("0 0 1 * * ?", TimeZoneInfo.Utc);

    [Fact]
    public void Three_missed_nights_are_caught_up_once()
    {
        var lastNight = Run(1, "schedule", Now.AddDays(-3), "completed");

        var reason = CatchUp.Reason(lastNight, lastNight, NightlyAtOne.Previous(Now), Now, _ => null);

        reason.ShouldNotBeNull().ShouldContain("2026-11-22 01:00");
    }

    [Fact]
    public void Nothing_is_caught_up_when_the_last_trigger_ran()
    {
        var tonight = Run(4, "schedule", new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero), "completed");

        CatchUp.Reason(tonight, tonight, NightlyAtOne.Previous(Now), Now, _ => null).ShouldBeNull();
    }

    [Fact]
    public void A_missed_run_whose_window_has_closed_waits_for_the_next_night()
    {
        var old = Run(1, "schedule", Now.AddDays(-3), "completed");

        CatchUp.Reason(old, old, NightlyAtOne.Previous(Now), Now, fire => RunWindow.Deadline(fire, "02:30", TimeZoneInfo.Utc)).ShouldBeNull();
        CatchUp.Reason(old, old, NightlyAtOne.Previous(Now), Now, fire => RunWindow.Deadline(fire, "06:00", TimeZoneInfo.Utc)).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("interrupted")]
    [InlineData(IRunLog.Killed)]
    public void An_interrupted_or_killed_run_is_resumed_at_start(string how)
    {
        var tonight = Run(4, "schedule", new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero), "completed");
        var broken = Run(5, "run", Now.AddMinutes(-30), how);

        CatchUp.Reason(broken, tonight, NightlyAtOne.Previous(Now), Now, _ => null).ShouldNotBeNull().ShouldContain("resuming");
    }

    [Fact]
    public void A_store_never_run_by_the_schedule_waits_for_the_trigger()
    {
        var manual = Run(1, "run", Now.AddDays(-3), "completed");

        CatchUp.Reason(manual, null, NightlyAtOne.Previous(Now), Now, _ => null).ShouldBeNull();
    }

    [Fact]
    public void The_previous_fire_time_is_found_for_every_second_and_for_weekly_expressions()
    {
        new CronTimes("* * * * * ?", TimeZoneInfo.Utc).Previous(Now.AddMilliseconds(500)).ShouldBe(Now);
        new CronTimes("0 0 1 ? * MON", TimeZoneInfo.Utc).Previous(Now).ShouldBe(new DateTimeOffset(2026, 11, 16, 1, 0, 0, TimeSpan.Zero));
    }

    private static RunRecord Run(long id, string verb, DateTimeOffset started, string ended) =>
        new(id, verb, started, started.AddHours(1), ended, 0, 0, 0, 0, 0);
}
