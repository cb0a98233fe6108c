
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

/// <summary>Single fields: votes, identifiers, and keys that are missing or of the wrong type.</summary>
public sealed class ReportParserFieldTests
{
    [Theory]
    [InlineData("-1", -1)]
    [InlineData("0", 0)]
    [InlineData("1", 1)]
    [InlineData("\"1\"", 1)]
    [InlineData("\" -1 \"", -1)]
    public void Votes_are_read_as_integers_or_numeric_strings(string votes, int expected)
    {
        var answer = ParsedAnswer.Of(IndicatorType.Domain, $$"""{"response_code":"1","votes":{{votes}}}""");

        answer.Votes.ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"response_code":"1"}""")]
    [InlineData("""{"response_code":"1","votes":null}""")]
    [InlineData("""{"response_code":"1","votes":"many"}""")]
    [InlineData("""{"response_code":"1","votes":[1]}""")]
    [InlineData("""{"response_code":"1","votes":0.5}""")]
    [InlineData("""{"response_code":"1","votes":7}""")]
    public void Votes_that_are_absent_null_or_unreadable_are_unknown_rather_than_zero(string body)
    {
        ParsedAnswer.Of(IndicatorType.Ip, body).Votes.ShouldBeNull();
    }

    [Fact]
    public void Md5_and_sha1_are_trimmed_and_lower_cased_and_empty_ones_are_absent()
    {
        var answer = ParsedAnswer.Of(IndicatorType.File, """{"response_code":"1","md5":" EC8C89AA5E521572C74E2DD02A4DAF78\r","sha1":"","permalink":"  "}""");

        answer.Md5.ShouldBe("ec8c89aa5e521572c74e2dd02a4daf78");
        answer.Sha1.ShouldBeNull();
        answer.Permalink.ShouldBeNull();
    }

    [Fact]
    public void Keys_of_the_wrong_type_read_as_absent()
    {
        const string body = """
            {"response_code":"1","resolutions":"none","hashes":{"a":1},"emails":"x@example.com","subdomains":42,
             "references":[7,null,{"u":"v"},["w"],"kept"],"permalink":["p"],"votes":{}}
            """;

        var answer = ParsedAnswer.Of(IndicatorType.Domain, body);

        answer.Permalink.ShouldBeNull();
        answer.Votes.ShouldBeNull();
        answer.Relations.ShouldBe([new Relation("reference", "kept", "reference", null)]);
    }

    [Fact]
    public void Resolution_rows_that_are_not_objects_or_lack_an_address_are_skipped()
    {
        const string body = """
            {"response_code":"1","resolutions":["1.2.3.4",null,{"last_resolved":"2015-01-01"},{"ip_address":5},
             {"ip_address":"5.6.7.8"},{"ip_address":"9.9.9.9","last_resolved":17}]}
            """;

        ParsedAnswer.Of(IndicatorType.Domain, body).Relations.ShouldBe(
        [
            new Relation("resolution", "5.6.7.8", "ip", null),
            new Relation("resolution", "9.9.9.9", "ip", null),
        ]);
    }

    [Fact]
    public void Lists_of_the_other_report_types_are_ignored()
    {
        const string body = """{"response_code":"1","domains":["a.example"],"scans":["X"],"emails":["a@b.example"],"hashes":["abc"]}""";

        ParsedAnswer.Of(IndicatorType.Email, body).Relations.ShouldBe([new Relation("domain", "a.example", "domain", null)]);
    }

    [Fact]
    public void An_escaped_lone_surrogate_loses_only_its_own_value()
    {
        const string body = """{"response_code":"1","subdomains":["\ud800","www.example.com"]}""";

        ParsedAnswer.Of(IndicatorType.Domain, body).Relations.ShouldBe([new Relation("subdomain", "www.example.com", "domain", null)]);
    }

    [Fact]
    public void A_file_report_lists_addresses_and_domains_and_keeps_the_case_of_scan_labels()
    {
        const string body = """
            {"response_code":"1","scans":["Error Scanning File"," Trojan.GenericKD\r"],"ips":["8.8.8.8","-",""],
             "domains":["EVIL.example"],"references":["https:\/\/Example.org\/Report"]}
            """;

        ParsedAnswer.Of(IndicatorType.File, body).Relations.ShouldBe(
        [
            new Relation("scan", "Error Scanning File", "antivirus", null),
            new Relation("scan", "Trojan.GenericKD", "antivirus", null),
            new Relation("ip", "8.8.8.8", "ip", null),
            new Relation("domain", "evil.example", "domain", null),
            new Relation("reference", "https://Example.org/Report", "reference", null),
        ]);
    }
}
