using ThreatCrowd.Batch.ThreatCrowdApi;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Tests.ThreatCrowdApi;

/// <summary>Parses a body that must be an answer, failing the test with the reason when it is not.</summary>
internal static class ParsedAnswer
{
    public static LookupAnswer Of(IndicatorType type, string body)
    {
        var result = ReportParser.Parse(type, body);
        result.FailureReason.ShouldBeNull();
        return result.Answer.ShouldNotBeNull();
    }
}
