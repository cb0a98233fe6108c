using System.Net;
using System.Net.Http.Headers;
using ThreatCrowd.Batch.ThreatCrowdApi;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public void Seconds_on_a_429_or_a_503_pause_for_that_long(int code)
    {
        using var response = Answer(code, new RetryConditionHeaderValue(TimeSpan.FromSeconds(120)));

        var failure = HttpFailures.FromStatus(response).ShouldNotBeNull();

        failure.Transient.ShouldBeTrue();
        failure.RetryAfter.ShouldNotBeNull().Until(Now).ShouldBe(Now.AddMinutes(2));
        failure.RetryAfter.Describe().ShouldBe("Retry-After 120 s");
    }

    [Fact]
    public void An_http_date_pauses_until_that_date()
    {
        using var response = Answer(429, new RetryConditionHeaderValue(Now.AddMinutes(5)));

        HttpFailures.FromStatus(response).ShouldNotBeNull().RetryAfter.ShouldNotBeNull().Until(Now).ShouldBe(Now.AddMinutes(5));
    }

    [Fact]
    public void A_429_without_the_header_and_a_retry_after_on_another_status_ask_for_no_pause()
    {
        using var bare = Answer(429, null);
        using var other = Answer(500, new RetryConditionHeaderValue(TimeSpan.FromSeconds(30)));

        HttpFailures.FromStatus(bare).ShouldNotBeNull().RetryAfter.ShouldBeNull();
        HttpFailures.FromStatus(other).ShouldNotBeNull().RetryAfter.ShouldBeNull();
    }

    private static HttpResponseMessage Answer(int code, RetryConditionHeaderValue? retryAfter)
    {
        var response = new HttpResponseMessage((HttpStatusCode)code);
        response.Headers.RetryAfter = retryAfter;
        return response;
    }
}
