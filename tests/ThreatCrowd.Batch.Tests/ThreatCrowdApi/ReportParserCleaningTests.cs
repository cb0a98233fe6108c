using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

/// <summary>How values, dates and repeats are cleaned into relations.</summary>
public sealed class ReportParserCleaningTests
{
    [Theory]
    [InlineData("2015-10-09", "2015-10-09")]
    [InlineData(" 2015-10-09\r", "2015-10-09")]
    [InlineData("2015-10-09 23:59:59", "2015-10-09")]
    [InlineData("2015-10-09T23:30:00-05:00", "2015-10-09")]
    [InlineData("0000-00-00", null)]
    [InlineData("0000-00-00 00:00:00", null)]
    [InlineData("yesterday", null)]
    [InlineData("2015-13-45", null)]
    [InlineData("", null)]
    public void Resolution_dates_are_normalized_or_dropped(string raw, string? expected)
    {
        var body = $$"""{"response_code":"1","resolutions":[{"last_resolved":"{{raw.Replace("\r", "\\r", StringComparison.Ordinal)}}","ip_address":"1.2.3.4"}]}""";

        var relation = ParsedAnswer.Of(IndicatorType.Domain, body).Relations.ShouldHaveSingleItem();

        relation.LastResolved.ShouldBe(expected);
    }

    [Fact]
    public void A_repeated_value_keeps_its_first_place_and_its_latest_date_even_after_an_undated_row()
    {
        const string body = """
            {"response_code":"1","resolutions":[
             {"last_resolved":"0000-00-00","ip_address":"1.1.1.1"},{"last_resolved":"2014-01-01","ip_address":"2.2.2.2"},
             {"last_resolved":"2015-06-01","ip_address":"1.1.1.1"},{"last_resolved":"2013-01-01","ip_address":"1.1.1.1 "}]}
            """;

        ParsedAnswer.Of(IndicatorType.Domain, body).Relations.ShouldBe(
        [
            new Relation("resolution", "1.1.1.1", "ip", "2015-06-01"),
            new Relation("resolution", "2.2.2.2", "ip", "2014-01-01"),
        ]);
    }

    [Fact]
    public void Past_the_cap_items_are_counted_not_kept_while_repeats_of_kept_ones_still_merge()
    {
        const string body = """
            {"response_code":"1","resolutions":[{"last_resolved":"2014-01-01","ip_address":"1.1.1.1"}],
             "subdomains":["a.example","b.example","c.example","d.example"],
             "hashes":[],"references":["r1"]}
            """;

        var answer = ReportParser.Parse(IndicatorType.Domain, body, maxRelations: 2).Answer.ShouldNotBeNull();

        answer.Relations.ShouldBe(
        [
            new Relation("resolution", "1.1.1.1", "ip", "2014-01-01"),
            new Relation("subdomain", "a.example", "domain", null),
        ]);
        answer.RelationsCut.ShouldBe(4);
    }

    [Fact]
    public void Without_a_cap_nothing_is_cut()
    {
        var answer = ParsedAnswer.Of(IndicatorType.Domain, """{"response_code":"1","subdomains":["a.example","b.example"]}""");

        answer.Relations.Count.ShouldBe(2);
        answer.RelationsCut.ShouldBe(0);
    }

    [Fact]
    public void The_same_value_in_two_lists_is_two_relations()
    {
        const string body = """{"response_code":"1","subdomains":["a.example"],"references":["a.example","A.EXAMPLE"]}""";

        ParsedAnswer.Of(IndicatorType.Domain, body).Relations.ShouldBe(
        [
            new Relation("subdomain", "a.example", "domain", null),
            new Relation("reference", "a.example", "reference", null),
            new Relation("reference", "A.EXAMPLE", "reference", null),
        ]);
    }

    [Fact]
    public void A_value_with_a_control_character_inside_is_refused_never_glued_together()
    {
        const string body = """
            {"response_code":"1","subdomains":["new\nline.com","\u00e2\u0080\u009cwww.\u00c3\u00a9xample.com\u0000\t","\u0001\u0002","","kept.com\r\n"],
             "resolutions":[{"last_resolved":"2015-01-01","ip_address":"1.2.3.4\n5.6.7.8"},{"last_resolved":"2015-01-01","ip_address":"9.9.9.9\r"}]}
            """;

        ParsedAnswer.Of(IndicatorType.Domain, body).Relations.ShouldBe(
        [
            new Relation("resolution", "9.9.9.9", "ip", "2015-01-01"),
            new Relation("subdomain", "kept.com", "domain", null),
        ]);
    }

    [Fact]
    public void Domains_hashes_and_emails_are_lower_cased_while_references_keep_their_case()
    {
        const string body = """
            {"response_code":"1","hashes":["D41D8CD98F00B204E9800998ECF8427E"],"emails":["Admin@Example.COM"],
             "subdomains":["WWW.Example.com"],"references":["httpblog.shadowserver.org201302","Report-X"]}
            """;

        ParsedAnswer.Of(IndicatorType.Domain, body).Relations.ShouldBe(
        [
            new Relation("hash", "d41d8cd98f00b204e9800998ecf8427e", "file", null),
            new Relation("email", "admin@example.com", "email", null),
            new Relation("subdomain", "www.example.com", "domain", null),
            new Relation("reference", "httpblog.shadowserver.org201302", "reference", null),
            new Relation("reference", "Report-X", "reference", null),
        ]);
    }

    [Fact]
    public void An_ip_report_marks_addresses_among_its_resolved_names_as_ips()
    {
        const string body = """
            {"response_code":"1","resolutions":[{"last_resolved":"2015-01-01","domain":"10.1.2.3"},
             {"last_resolved":"2015-01-01","domain":"3.2.1.10.in-addr.arpa"},{"last_resolved":"2015-01-01","domain":"2001:DB8::1"},
             {"last_resolved":"2015-01-01","domain":"1234"},{"last_resolved":"2015-01-01","domain":"0.0.0.0"}],
             "hashes":[],"references":[],"votes":-1}
            """;

        var answer = ParsedAnswer.Of(IndicatorType.Ip, body);

        answer.Votes.ShouldBe(-1);
        answer.Relations.ShouldBe(
        [
            new Relation("resolution", "10.1.2.3", "ip", "2015-01-01"),
            new Relation("resolution", "3.2.1.10.in-addr.arpa", "domain", "2015-01-01"),
            new Relation("resolution", "2001:db8::1", "ip", "2015-01-01"),
            new Relation("resolution", "1234", "domain", "2015-01-01"),
        ]);
    }
}
