using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Lookups;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Tests.Lookups;

/// <summary>Related items are let into the store only as an input would be: classified, guarded, normalized.</summary>
public sealed class RelatedValueGateTests
{
    private readonly RelatedValueGate _gate = new(new LookupGuard(["corp.example.net"]));

    [Theory]
    [InlineData("domain", "../x.traversal.com")]
    [InlineData("domain", "evil\u202Emoc.live")]
    [InlineData("domain", "1234")]
    [InlineData("domain", "printer.local")]
    [InlineData("domain", "mail.corp.example.net")]
    [InlineData("domain", "x.onion")]
    [InlineData("ip", "10.0.0.1")]
    [InlineData("ip", "1.2.3.45.6.7.8")]
    [InlineData("ip", "www.example-site.info")]
    [InlineData("email", "'=x@y.com")]
    [InlineData("email", "-2+3@y.com")]
    [InlineData("file", "C:\\Windows\\evil.exe")]
    [InlineData("file", "/etc/passwd")]
    [InlineData("file", "d41d8cd98f00b204e9800998ecf8427e")]
    public void A_related_value_an_input_would_be_refused_as_is_not_kept(string type, string value)
    {
        var answer = Answer(new Relation(RelationKind.Resolution, value, type, null));

        _gate.Admit(answer).Relations.ShouldBeEmpty();
    }

    [Fact]
    public void Kept_values_are_normalized_and_merged_and_free_text_stays_as_it_is()
    {
        var answer = Answer(
            new Relation(RelationKind.Subdomain, "WWW.Example-Site.info.", "domain", "2015-01-01"),
            new Relation(RelationKind.Subdomain, "www.example-site.info", "domain", "2016-01-01"),
            new Relation(RelationKind.Email, "Admin@Example-Site.INFO", "email", null),
            new Relation(RelationKind.Hash, "EC8C89AA5E521572C74E2DD02A4DAF78", "file", null),
            new Relation(RelationKind.Reference, "=see the report", "reference", null),
            new Relation(RelationKind.Scan, "Trojan.Win32.Cossta", "antivirus", null));

        _gate.Admit(answer).Relations.ShouldBe(
        [
            new Relation(RelationKind.Subdomain, "www.example-site.info", "domain", "2016-01-01"),
            new Relation(RelationKind.Email, "admin@example-site.info", "email", null),
            new Relation(RelationKind.Hash, "ec8c89aa5e521572c74e2dd02a4daf78", "file", null),
            new Relation(RelationKind.Reference, "=see the report", "reference", null),
            new Relation(RelationKind.Scan, "Trojan.Win32.Cossta", "antivirus", null),
        ]);
    }

    [Fact]
    public void An_answer_s_own_hashes_are_kept_only_when_they_are_hashes()
    {
        var answer = Answer() with { Md5 = "not-a-hash/../x", Sha1 = "01F5C3905F2098650F16F50A1B26156586238BFE" };

        var admitted = _gate.Admit(answer);

        admitted.Md5.ShouldBeNull();
        admitted.Sha1.ShouldBe("01f5c3905f2098650f16f50a1b26156586238bfe");
    }

    private static LookupAnswer Answer(params Relation[] relations) => new(true, -1, null, null, null, relations, "{}");
}
