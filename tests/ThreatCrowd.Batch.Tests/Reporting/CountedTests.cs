
using ThreatCrowd.Batch.Reporting;

namespace ThreatCrowd.Batch.Tests.Reporting;

public sealed class CountedTests
{
    [Theory]
    [InlineData(0, "0 indicators")]
    [InlineData(1, "1 indicator")]
    [InlineData(2, "2 indicators")]
    [InlineData(1_000_000, "1,000,000 indicators")]
    public void A_count_carries_its_noun_in_the_right_number(long count, string expected) =>
        Counted.Of(count, "indicator").ShouldBe(expected);

    [Fact]
    public async Task Summaries_of_one_say_one_indicator()
    {
        await using var h = await Support.PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\naoldaily.com\n");

        var result = await h.RunAsync("import", "--input", input);

        result.Output.ShouldContain("1 indicator,");
        result.Output.ShouldContain("imported 1 indicator from 1 source (");
        result.Output.ShouldNotContain("1 indicators");
    }
}
