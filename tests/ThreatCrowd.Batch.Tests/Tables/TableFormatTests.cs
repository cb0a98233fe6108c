using ThreatCrowd.Batch.Tables;

namespace ThreatCrowd.Batch.Tests.Tables;

public sealed class TableFormatTests
{
    [Fact]
    public void A_timestamp_is_written_in_utc_to_the_second()
    {
        var berlin = new DateTimeOffset(2026, 1, 2, 0, 30, 5, 999, TimeSpan.FromHours(1));

        TableFormat.FormatTimestamp(berlin).ShouldBe("2026-01-01T23:30:05Z");
    }

    [Fact]
    public void The_span_formatter_writes_the_same_text_as_the_string_one()
    {
        Span<char> text = stackalloc char[TableFormat.TimestampLength];

        var written = TableFormat.FormatTimestamp(SampleRows.LookedUpInBerlin, text);

        text[..written].ToString().ShouldBe("2026-11-22T01:00:20Z");
    }

    [Fact]
    public void Epoch_seconds_agree_with_the_written_timestamp_and_are_null_without_a_time()
    {
        TableFormat.EpochSeconds(new DateTimeOffset(1970, 1, 1, 0, 1, 1, 900, TimeSpan.Zero)).ShouldBe(61);
        TableFormat.EpochSeconds(null).ShouldBeNull();
    }
}
