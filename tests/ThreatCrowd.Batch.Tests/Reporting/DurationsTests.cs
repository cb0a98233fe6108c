
using ThreatCrowd.Batch.Reporting;

namespace ThreatCrowd.Batch.Tests.Reporting;

public sealed class DurationsTests
{
    [Theory]
    [InlineData(999_964 * 10, "116 days")]
    [InlineData(3 * 86_400 + 5 * 3_600 + 600, "3 days 5 h")]
    [InlineData(86_400, "1 day 0 h")]
    [InlineData(34_120, "9 h 29 min")]
    [InlineData(3_600, "1 h 0 min")]
    [InlineData(3_569, "59 min 29 s")]
    [InlineData(59.6, "1 min 0 s")]
    [InlineData(40, "40 s")]
    [InlineData(0.2, "200 ms")]
    [InlineData(0, "0 s")]
    public void Durations_read_as_an_operator_expects_rounded_to_the_last_unit(double seconds, string expected) =>
        Durations.Humanize(TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
}
