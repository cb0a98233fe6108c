using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Classification;

/// <summary>Either a normalized indicator or the reason the raw value cannot be one.</summary>
internal sealed record ClassificationResult(Indicator? Indicator, string? RejectReason)
{
    public static ClassificationResult Accept(Indicator indicator) => new(indicator, null);

    public static ClassificationResult Reject(string reason) => new(null, reason);

    public bool IsAccepted => Indicator is not null;
}
