using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>Decides whether the first non-blank row of a CSV file is a header or already data.</summary>
internal static class CsvHeaderRule
{
    /// <summary>
    /// A header names at least one known column. One exception: a file without a header may carry the type in its
    /// second column (evil.com,domain), and that first row names a known column too; when its first cell is a
    /// valid indicator of that type, it is data. Antivirus is left out of the exception: any word is a valid family
    /// name, so "first_seen,antivirus" would pass for data.
    /// </summary>
    public static bool IsHeader(IReadOnlyList<string> cells, IndicatorClassifier classifier)
    {
        var names = cells.Select(KnownColumns.Normalize).ToList();
        if (!names.Exists(KnownColumns.IsKnown))
        {
            return false;
        }

        bool looksLikeValueAndType = names.Count > 1
            && !KnownColumns.IsKnown(names[0])
            && TypeHint.Find(names[1]) is { Kind: not ExpectedKind.Antivirus }
            && classifier.Classify(cells[0], cells[1]).IsAccepted;
        return !looksLikeValueAndType;
    }
}
