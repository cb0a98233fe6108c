using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Lookups;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Lookups;

/// <summary>Each real answer the live service gave, with the quirks it carries.</summary>
public sealed class ReportParserFixtureTests
{
    [Fact]
    public void The_aoldaily_domain_report_drops_placeholder_addresses_and_keeps_an_undated_resolution()
    {
        var body = Fixtures.Read("domain_aoldaily.com.json");

        var answer = Parse(IndicatorType.Domain, body);

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
    public void The_ip_report_collapses_names_with_a_trailing_carriage_return_and_keeps_the_later_date()
    {
        var answer = Parse(IndicatorType.Ip, Fixtures.Read("ip_188.40.75.132.json"));

        answer.Found.ShouldBeTrue();
        answer.Votes.ShouldBeNull();
        answer.Permalink.ShouldBe("https://www.threatcrowd.org/ip.php?ip=188.40.75.132");
        answer.Relations.Where(r => r.Kind == RelationKind.Resolution).ShouldBe(
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
        var answer = Parse(IndicatorType.Ip, Fixtures.Read("ip_188.40.75.132.json"));

        var hashes = answer.Relations.Where(r => r.Kind == RelationKind.Hash).ToList();
        hashes.Count.ShouldBe(36);
        hashes[0].ShouldBe(new Relation("hash", "003f0ed24b5f70ddc7c6e80f9c4dac73", "file", null));
        hashes[^1].Related.ShouldBe("fa6fbd1dd2d58885772bd0b37633d5d7");
        answer.Relations.ShouldNotContain(r => r.Kind == RelationKind.Reference);
        answer.Relations.Count.ShouldBe(17 + 36);
    }

    [Fact]
    public void The_file_report_drops_the_empty_scan_and_the_null_address_and_collapses_repeated_labels()
    {
        var answer = Parse(IndicatorType.File, Fixtures.Read("file_ec8c89aa5e521572c74e2dd02a4daf78.json"));

        answer.Found.ShouldBeTrue();
        answer.Md5.ShouldBe("ec8c89aa5e521572c74e2dd02a4daf78");
        answer.Sha1.ShouldBe("01f5c3905f2098650f16f50a1b26156586238bfe");
        answer.Permalink.ShouldBe("https://www.threatcrowd.org/malware.php?md5=ec8c89aa5e521572c74e2dd02a4daf78");
        string[] labels =
        [
            "Trojan/W32.Small.34304.EG", "Trojan.Win32.Cossta!O", "Trojan ( 001922ff1 )", "Trojan.Win32.Cossta.cqvyn",
            "APT1.A", "TSPY_COSSTA.DH", "WIN.Trojan.Cossta-4", "Trojan.Win32.Cossta.grt", "Trojan.Cossta!dfgiLGS/u08",
            "Trojan.Win32.A.Cossta.34304.A", "UnclassifiedMalware", "TR/Offend.4596108", "Mal/Dloadr-BK",
            "Trojan/Cossta.rg", "Trojan/Win32.Cossta", "Win32.Troj.Cossta.(kcloud)", "Backdoor:Win32/Neunut.A",
            "Trojan.Cossta", "Trojan.Win32.Cossta.abv", "W32/Cossta.WQS!tr", "Win32/Trojan.734",
        ];
        Relation[] expected = [.. labels.Select(l => new Relation("scan", l, "antivirus", null)), new Relation("domain", "ks.aoldaily.com", "domain", null)];
        answer.Relations.ShouldBe(expected);
    }

    [Fact]
    public void The_google_report_collapses_a_repeated_resolution_to_its_first_place_with_the_latest_date()
    {
        var answer = Parse(IndicatorType.Domain, Fixtures.Read("domain_google.com.json"));

        var resolutions = answer.Relations.Where(r => r.Kind == RelationKind.Resolution).ToList();
        resolutions.Count.ShouldBe(50);
        resolutions[0].ShouldBe(new Relation("resolution", "74.125.230.68", "ip", "2015-11-24"));
        resolutions[1].ShouldBe(new Relation("resolution", "173.194.67.101", "ip", "2014-12-13"));
        resolutions.Count(r => r.Related == "74.125.230.68").ShouldBe(1);
        answer.Relations.Count(r => r.Kind == RelationKind.Hash).ShouldBe(50);
        answer.Relations.Where(r => r.Kind == RelationKind.Email).ShouldBe([new Relation("email", "contact-admin@google.com", "email", null)]);
        answer.Relations.ShouldNotContain(r => r.Kind == RelationKind.Reference);
    }

    [Fact]
    public void The_plugx_antivirus_report_lists_fifty_hashes_and_nothing_else()
    {
        var answer = Parse(IndicatorType.Antivirus, Fixtures.Read("antivirus_plugx.json"));

        answer.Found.ShouldBeTrue();
        answer.Permalink.ShouldBe("https://www.threatcrowd.org/listMalware.php?antivirus=plugx");
        answer.Relations.Count.ShouldBe(50);
        answer.Relations.ShouldAllBe(r => r.Kind == "hash" && r.RelatedType == "file" && r.LastResolved == null);
        answer.Relations[0].Related.ShouldBe("321c1d36c16833477ada58ccfa012c6e");
        answer.Relations[^1].Related.ShouldBe("c557b6dc0edab783781fd9312f6886c3");
    }

    [Fact]
    public void The_email_report_lists_four_domains_and_no_references()
    {
        var answer = Parse(IndicatorType.Email, Fixtures.Read("email_william19770319@yahoo.com.json"));

        answer.Found.ShouldBeTrue();
        answer.Votes.ShouldBeNull();
        answer.Permalink.ShouldBe("https://www.threatcrowd.org/email.php?email=william19770319@yahoo.com");
        answer.Relations.ShouldBe(
        [
            new Relation("domain", "aoldaily.com", "domain", null),
            new Relation("domain", "aunewsonline.com", "domain", null),
            new Relation("domain", "cnndaily.com", "domain", null),
            new Relation("domain", "usnewssite.com", "domain", null),
        ]);
    }

    private static LookupAnswer Parse(IndicatorType type, string body)
    {
        var result = ReportParser.Parse(type, body);
        result.FailureReason.ShouldBeNull();
        return result.Answer.ShouldNotBeNull();
    }
}
