using ThreatCrowd.Batch.Splunk;

namespace ThreatCrowd.Batch.Tests.Splunk;

public sealed class ThreatSourceTests
{
    [Theory]
    [InlineData(7 * 24, "-7d")]
    [InlineData(24, "-1d")]
    [InlineData(36, "-36h")]
    [InlineData(1, "-1h")]
    public void Max_age_is_a_splunk_relative_time_in_days_when_whole_days_else_hours(int hours, string expected) =>
        ThreatSource.RelativeTime(TimeSpan.FromHours(hours)).ShouldBe(expected);
}
