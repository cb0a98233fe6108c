using Quartz;
using ThreatCrowd.Batch.Configuration;

namespace ThreatCrowd.Batch.Tests.Configuration;

public sealed class CronRuleTests
{
    [Theory]
    [InlineData("0 0 1 * * ?")]
    [InlineData("0 0 1 * * MON")]
    [InlineData("0 0 1 ? * MON-FRI")]
    [InlineData("0 30 22 15 * ?")]
    public void Expressions_with_at_most_one_day_field_naming_days_are_accepted(string cron) =>
        CronRule.Problem(cron).ShouldBeNull();

    [Fact]
    public void A_weekday_beside_a_star_runs_on_that_weekday_only()
    {
        var mondays = new CronExpression("0 0 1 * * MON", TimeZoneInfo.Utc);

        var next = mondays.GetNextValidTimeAfter(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero)).ShouldNotBeNull();

        next.ShouldBe(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        mondays.GetNextValidTimeAfter(next).ShouldBe(next.AddDays(7));
    }

    [Fact]
    public void Days_named_in_both_day_fields_are_refused_with_the_two_ways_out()
    {
        var problem = CronRule.Problem("0 0 1 15 * MON").ShouldNotBeNull();

        problem.ShouldContain("Schedule:Cron is \"0 0 1 15 * MON\"");
        problem.ShouldContain("(0 0 1 15 * ? or 0 0 1 ? * MON)");
        // Why: Quartz 4 runs it on either day. From Wednesday 2 December 2026 the next is Monday the 7th, not a 15th.
        new CronExpression("0 0 1 15 * MON", TimeZoneInfo.Utc).GetNextValidTimeAfter(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero))
            .ShouldBe(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void What_Quartz_refuses_is_refused_with_Quartzs_reason()
    {
        var problem = CronRule.Problem("0 0 25 * * ?").ShouldNotBeNull();

        problem.ShouldStartWith("Schedule:Cron is \"0 0 25 * * ?\": Quartz refuses it (");
        problem.Length.ShouldBeGreaterThan("Schedule:Cron is \"0 0 25 * * ?\": Quartz refuses it (); it must be".Length + 10);
    }

    [Fact]
    public void The_configuration_stops_on_a_bad_cron_naming_the_key()
    {
        var error = Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(null, ["--Schedule:Cron=0 0 1 15 * MON"]));

        error.Message.ShouldContain("Schedule:Cron");
        error.Message.ShouldContain("put ? in one of the two");
    }

    [Fact]
    public void The_cluster_check_in_interval_defaults_to_15_seconds_and_is_bounded()
    {
        BatchConfiguration.Load(null, []).Schedule.ClusterCheckinInterval.ShouldBe(TimeSpan.FromSeconds(15));
        BatchConfiguration.Load(null, ["--Schedule:ClusterCheckinInterval=00:00:05"]).Schedule.ClusterCheckinInterval.ShouldBe(TimeSpan.FromSeconds(5));
        Should.Throw<ConfigurationError>(() => BatchConfiguration.Load(null, ["--Schedule:ClusterCheckinInterval=00:00:00"]))
            .Message.ShouldContain("Schedule:ClusterCheckinInterval is 00:00:00; it must be between 00:00:01 and 00:10:00");
    }
}
