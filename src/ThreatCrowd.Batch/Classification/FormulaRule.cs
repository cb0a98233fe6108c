namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// An indicator is the key SIEM lookups match on, so the tables must carry it exactly. A value starting with a
/// character a spreadsheet runs as a formula (<c>= + - @</c>) would have to be escaped in the CSV tables, and an
/// escaped key no longer matches; such values (possible only for e-mail local parts and antivirus names) are
/// refused instead. Every other text cell in the CSV tables is escaped on write.
/// </summary>
internal static class FormulaRule
{
    public static ClassificationResult Check(ClassificationResult result) =>
        result.Indicator is { Value: [var first, ..] } && first is '=' or '+' or '-' or '@'
            ? ClassificationResult.Reject($"starts with \"{first}\", which spreadsheets run as a formula; it cannot be a lookup key in the tables")
            : result;
}
