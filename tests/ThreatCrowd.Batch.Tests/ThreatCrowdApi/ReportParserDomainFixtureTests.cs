using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

/// <summary>The two real domain reports, with the quirks they carry.</summary>
public sealed class ReportParserDomainFixtureTests
{
    [Fact]
    public void The_aoldaily_domain_report_drops_placeholder_addresses_and_keeps_an_undated_resolution()
    {
        var body = Fixtures.Read("domain_aoldaily.com.json");

        var answer = ParsedAnswer.Of(IndicatorType.Domain, body);

        answer.Found.ShouldBeTrue();
        answer.Votes.ShouldBeNull();
        answer.Permalink.ShouldBe("https://www.threatcrowd.org/domain.php?domain=aoldaily.com");
        answer.RawBody.ShouldBe(body);
        answer.Relations.ShouldBe(
        [
            new Relation("resolution", "50.116.42.33", "ip", "2013-09-03"),
            new Relation("resolution", "50.63.202.70", "ip", "2013-09-20"),
            new Relation("resolution", "66.228.48.134", "ip", null),
            new Relation("resolution", "69.195.129.70", "ip", "2015-05-12"),
            new Relation("resolution", "69.195.129.72", "ip", "2014-12-13"),
            new Relation("resolution", "81.166.122.234", "ip", "2013-12-02"),
            new Relation("email", "domains@virustracker.info", "email", null),
            new Relation("email", "william19770319@yahoo.com", "email", null),
            new Relation("reference", "http://blog.shadowserver.org/2013/02/", "reference", null),
            new Relation("reference", "http://sto-strategy.com/s/Appendix-D-Digital-FQDNs.pdf", "reference", null),
        ]);
    }

    [Fact]
    public void The_google_report_collapses_a_repeated_resolution_to_its_first_place_with_the_latest_date()
    {
        var answer = ParsedAnswer.Of(IndicatorType.Domain, Fixtures.Read("domain_google.com.json"));

        var resolutions = answer.Relations.Where(r => r.Kind == RelationKindNames.Resolution).ToList();
        resolutions.Count.ShouldBe(50);
        resolutions[0].ShouldBe(new Relation("resolution", "74.125.230.68", "ip", "2015-11-24"));
        resolutions[1].ShouldBe(new Relation("resolution", "173.194.67.101", "ip", "2014-12-13"));
        resolutions.Count(r => r.Related == "74.125.230.68").ShouldBe(1);
        answer.Relations.Count(r => r.Kind == RelationKindNames.Hash).ShouldBe(50);
        answer.Relations.Where(r => r.Kind == RelationKindNames.Email).ShouldBe([new Relation("email", "contact-admin@google.com", "email", null)]);
        answer.Relations.ShouldNotContain(r => r.Kind == RelationKindNames.Reference);
    }
}
