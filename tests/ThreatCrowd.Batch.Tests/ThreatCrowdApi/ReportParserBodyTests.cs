using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

/// <summary>Bodies that are not a report: each is a transient failure with a reason, and none throws.</summary>
public sealed class ReportParserBodyTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t")]
    public void An_empty_body_is_a_transient_failure(string body)
    {
        ReportParser.Parse(IndicatorType.Domain, body).ShouldBe(LookupResult.TransientFailure("empty body"));
    }

    [Theory]
    [InlineData("Too many connections")]
    [InlineData("Warning: mysqli_connect(): Too many connections\n")]
    [InlineData("\"Too many connections\"")]
    public void A_database_overload_notice_is_a_transient_failure(string body)
    {
        ReportParser.Parse(IndicatorType.Ip, body)
            .ShouldBe(LookupResult.TransientFailure("server overloaded: Too many connections"));
    }

    [Fact]
    public void A_report_that_mentions_the_overload_phrase_is_still_an_answer()
    {
        const string body = """{"response_code":"1","references":["Too many connections seen"]}""";

        var answer = ReportParser.Parse(IndicatorType.Domain, body).Answer.ShouldNotBeNull();

        answer.Relations.ShouldBe([new Relation("reference", "Too many connections seen", "reference", null)]);
    }

    [Fact]
    public void An_nginx_503_page_is_an_unreachable_failure_named_by_its_title()
    {
        const string body = "<html><head><title>503 Service Temporarily Unavailable</title></head><body></body></html>";

        ReportParser.Parse(IndicatorType.Domain, body).ShouldBe(
            LookupResult.TransientFailure("HTML page instead of JSON: \"503 Service Temporarily Unavailable\"", unreachable: true));
    }

    [Fact]
    public void A_challenge_page_without_a_title_is_an_unreachable_failure()
    {
        const string body = "\n  <!DOCTYPE html><html><body>Checking your browser</body></html>";

        ReportParser.Parse(IndicatorType.Domain, body)
            .ShouldBe(LookupResult.TransientFailure("HTML page instead of JSON", unreachable: true));
    }

    [Fact]
    public void Half_of_a_real_answer_is_malformed_JSON()
    {
        var body = Fixtures.Read("domain_aoldaily.com.json");

        var result = ReportParser.Parse(IndicatorType.Domain, body[..(body.Length / 2)]);

        result.Answer.ShouldBeNull();
        result.Transient.ShouldBeTrue();
        result.Unreachable.ShouldBeFalse();
        result.FailureReason.ShouldStartWith("malformed JSON: ");
    }

    [Theory]
    [InlineData("[1,2]", "unexpected JSON shape: array instead of an object")]
    [InlineData("\"1\"", "unexpected JSON shape: string instead of an object")]
    [InlineData("42", "unexpected JSON shape: number instead of an object")]
    [InlineData("null", "unexpected JSON shape: null instead of an object")]
    [InlineData("true", "unexpected JSON shape: boolean instead of an object")]
    public void JSON_that_is_not_an_object_is_an_unexpected_shape(string body, string reason)
    {
        ReportParser.Parse(IndicatorType.File, body).ShouldBe(LookupResult.TransientFailure(reason));
    }

    [Theory]
    [InlineData("{}", "no response_code")]
    [InlineData("""{"response_code":null,"hashes":[]}""", "no response_code")]
    [InlineData("""{"response_code":"2"}""", "unexpected response_code \"2\"")]
    [InlineData("""{"response_code":-1}""", "unexpected response_code -1")]
    [InlineData("""{"response_code":true}""", "unexpected response_code true")]
    [InlineData("""{"response_code":["1"]}""", "unexpected response_code [\"1\"]")]
    public void A_missing_or_unknown_response_code_is_a_transient_failure(string body, string reason)
    {
        ReportParser.Parse(IndicatorType.Domain, body).ShouldBe(LookupResult.TransientFailure(reason));
    }

    [Theory]
    [InlineData("""{"response_code":"0"}""")]
    [InlineData("""{"response_code":0}""")]
    [InlineData("""{"response_code":" 0 ","resolutions":[{"last_resolved":"2015-01-01","ip_address":"1.2.3.4"}]}""")]
    public void Response_code_zero_as_string_or_number_is_a_not_found_answer(string body)
    {
        var result = ReportParser.Parse(IndicatorType.Domain, body);

        var answer = result.Answer.ShouldNotBeNull();
        result.FailureReason.ShouldBeNull();
        answer.ShouldBe(new LookupAnswer(false, null, null, null, null, answer.Relations, body));
        answer.Relations.ShouldBeEmpty();
    }

    [Fact]
    public void Response_code_one_as_a_number_is_found()
    {
        var answer = ReportParser.Parse(IndicatorType.Email, """{"response_code":1,"domains":["A.example"]}""").Answer.ShouldNotBeNull();

        answer.Found.ShouldBeTrue();
        answer.Relations.ShouldBe([new Relation("domain", "a.example", "domain", null)]);
    }
}
