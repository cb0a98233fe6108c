using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

/// <summary>The real file, antivirus and email reports, with the quirks they carry.</summary>
public sealed class ReportParserFixtureTests
{
    [Fact]
    public void The_file_report_drops_the_empty_scan_and_the_null_address_and_collapses_repeated_labels()
    {
        var answer = ParsedAnswer.Of(IndicatorType.File, Fixtures.Read("file_ec8c89aa5e521572c74e2dd02a4daf78.json"));

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
    public void The_plugx_antivirus_report_lists_fifty_hashes_and_nothing_else()
    {
        var answer = ParsedAnswer.Of(IndicatorType.Antivirus, Fixtures.Read("antivirus_plugx.json"));

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
        var answer = ParsedAnswer.Of(IndicatorType.Email, Fixtures.Read("email_william19770319@yahoo.com.json"));

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
}
