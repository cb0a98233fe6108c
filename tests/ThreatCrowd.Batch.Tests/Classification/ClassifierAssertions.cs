using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Tests.Classification;

/// <summary>Short forms for the two outcomes every classification test checks.</summary>
internal static class ClassifierAssertions
{
    public static Indicator ShouldBeAccepted(this ClassificationResult result)
    {
        result.RejectReason.ShouldBeNull();
        result.Indicator.ShouldNotBeNull();
        return result.Indicator;
    }

    public static string ShouldBeRejected(this ClassificationResult result)
    {
        result.Indicator.ShouldBeNull();
        result.RejectReason.ShouldNotBeNullOrWhiteSpace();
        return result.RejectReason;
    }
}
