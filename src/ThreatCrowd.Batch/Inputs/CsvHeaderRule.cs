using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>Decides whether a row (the first record, or a commented-out line above it) is a header or already data.</summary>
internal static class CsvHeaderRule
{
    /// <summary>
    /// A header names at least one known column and holds no indicator. The second condition keeps data rows that
    /// carry a type (evil.com,domain; a ThreatFox row with its "url" type cell) from passing for headers: no column
    /// name is a valid domain, address or hash. Antivirus names are not tried: any word is a valid family name.
    /// </summary>
    public static bool IsHeader(IReadOnlyList<string> cells, IndicatorClassifier classifier)
    {
        if (!cells.Any(cell => KnownColumns.IsKnown(KnownColumns.Normalize(cell))))
        {
            return false;
        }

        return !cells.Any(cell => classifier.Classify(cell, null).IsAccepted);
    }
}
