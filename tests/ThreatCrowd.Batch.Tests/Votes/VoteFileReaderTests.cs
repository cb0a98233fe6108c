using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.Batch.Votes;

namespace ThreatCrowd.Batch.Tests.Votes;

public sealed class VoteFileReaderTests
{
    [Fact]
    public void A_header_names_the_columns_in_any_order_and_values_are_normalized_like_inputs()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("v.csv", "Vote;comment;IOC\nNot-Malicious;seen in proxy logs;HXXP://Google[.]com/x\n");

        var lines = Read(file);

        lines.ShouldHaveSingleItem().ShouldBe(new VoteLine(file, 2, "HXXP://Google[.]com/x", new Indicator(IndicatorType.Domain, "google.com"), Verdict.NotMalicious, null));
    }

    [Fact]
    public void Without_a_header_the_first_column_is_the_value_and_the_second_the_verdict()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("v.csv", "aoldaily.com,malicious\n\n188.40.75.132,MALICIOUS\n");

        Read(file).Select(l => (l.Line, l.Indicator!.Value, l.Verdict)).ShouldBe([(1L, "aoldaily.com", Verdict.Malicious), (3L, "188.40.75.132", Verdict.Malicious)]);
    }

    [Fact]
    public void A_header_without_a_verdict_column_is_one_problem_for_the_whole_file()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("v.csv", "indicator,comment\naoldaily.com,bad\n");

        var line = Read(file).ShouldHaveSingleItem();

        line.Indicator.ShouldBeNull();
        line.Problem!.ShouldContain("verdict column");
    }

    [Fact]
    public void Malicious_is_vote_0_and_not_malicious_vote_1_the_other_way_round_from_answers()
    {
        Verdict.Malicious.ToVoteParameter().ShouldBe(0);
        Verdict.NotMalicious.ToVoteParameter().ShouldBe(1);
        VoteClient.VoteUri(new Uri("http://127.0.0.1:9/vote.php"), new Indicator(IndicatorType.Email, "a+b@example.org"), Verdict.Malicious)
            .AbsoluteUri.ShouldBe("http://127.0.0.1:9/vote.php?vote=0&value=a%2Bb%40example.org");
    }

    private static List<VoteLine> Read(string file) => new VoteFileReader(new SendGuard([])).Read(file).ToList();
}
