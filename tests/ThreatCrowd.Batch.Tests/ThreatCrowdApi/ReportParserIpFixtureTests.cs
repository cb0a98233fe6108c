using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

/// <summary>The real ip report: carriage returns, upper case and an empty reference.</summary>
public sealed class ReportParserIpFixtureTests
{
    [Fact]
    public void The_ip_report_collapses_names_with_a_trailing_carriage_return_and_keeps_the_later_date()
    {
        var answer = ParsedAnswer.Of(IndicatorType.Ip, Fixtures.Read("ip_188.40.75.132.json"));

        answer.Found.ShouldBeTrue();
        answer.Votes.ShouldBeNull();
        answer.Permalink.ShouldBe("https://www.threatcrowd.org/ip.php?ip=188.40.75.132");
        answer.Relations.Where(r => r.Kind == RelationKindNames.Resolution).ShouldBe(
        [
            new Relation("resolution", "tvgate.rocks", "domain", "2015-02-17"),
            new Relation("resolution", "nice-mobiles.com", "domain", "2015-02-17"),
            new Relation("resolution", "nauss-lab.com", "domain", "2015-02-17"),
            new Relation("resolution", "iwork-sys.com", "domain", "2015-02-17"),
            new Relation("resolution", "linkedim.in", "domain", "2015-02-17"),
            new Relation("resolution", "fpupdate.info", "domain", "2015-02-17"),
            new Relation("resolution", "ineltdriver.com", "domain", "2015-02-17"),
            new Relation("resolution", "flushupdate.com", "domain", "2015-02-17"),
            new Relation("resolution", "flushupate.com", "domain", "2015-02-17"),
            new Relation("resolution", "ahmedfaiez.info", "domain", "2015-02-17"),
            new Relation("resolution", "advtravel.info", "domain", "2014-03-22"),
            new Relation("resolution", "nartu.de", "domain", "2014-05-27"),
            new Relation("resolution", "www.fpupdate.info", "domain", "2015-02-19"),
            new Relation("resolution", "gbartu.de", "domain", "2015-09-21"),
            new Relation("resolution", "vartu.de", "domain", "2015-09-28"),
            new Relation("resolution", "ns1.atyafhosting.info", "domain", "2015-10-10"),
            new Relation("resolution", "ns2.atyafhosting.info", "domain", "2015-10-10"),
        ]);
    }

    [Fact]
    public void The_ip_report_lists_its_hashes_and_drops_the_empty_reference()
    {
        var answer = ParsedAnswer.Of(IndicatorType.Ip, Fixtures.Read("ip_188.40.75.132.json"));

        var hashes = answer.Relations.Where(r => r.Kind == RelationKindNames.Hash).ToList();
        hashes.Count.ShouldBe(36);
        hashes[0].ShouldBe(new Relation("hash", "003f0ed24b5f70ddc7c6e80f9c4dac73", "file", null));
        hashes[^1].Related.ShouldBe("fa6fbd1dd2d58885772bd0b37633d5d7");
        answer.Relations.ShouldNotContain(r => r.Kind == RelationKindNames.Reference);
        answer.Relations.Count.ShouldBe(17 + 36);
    }
}
