using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// Antivirus family names (plugx, Trojan.Generic) look like anything, so they are only taken when the source says
/// so; then nearly any printable text is one.
/// </summary>
internal static class AntivirusRules
{
    public const int MaxLength = 100;

    /// <summary>Classifies a value that has already been trimmed and checked for control characters.</summary>
    public static ClassificationResult Classify(string cleaned)
    {
        var reason = WhitespaceRule.Find(cleaned, allowPlainSpaces: true);
        if (reason is not null)
        {
            return ClassificationResult.Reject(reason);
        }

        return cleaned.Length > MaxLength
            ? ClassificationResult.Reject($"antivirus family name longer than {MaxLength} characters")
            : ClassificationResult.Accept(new Indicator(IndicatorType.Antivirus, cleaned.ToLowerInvariant()));
    }
}
