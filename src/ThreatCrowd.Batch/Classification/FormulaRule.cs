namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// An indicator is the key SIEM lookups match on, so the tables must carry it exactly. A value starting with a
/// character a spreadsheet runs as a formula (<c>= + - @</c>) would have to be escaped in the CSV tables, and an
/// escaped key no longer matches; such values (possible only for e-mail local parts and antivirus names) are
/// refused instead. Every other text cell in the CSV tables is escaped on write. A value that already looks escaped
/// (<c>'=x@y.com</c>) is refused too: a tool that undoes the escape would run it.
/// </summary>
internal static class FormulaRule
{
    public static ClassificationResult Check(ClassificationResult result) => result.Indicator switch
    {
        { Value: [var first, ..] } when IsFormulaStart(first) =>
            ClassificationResult.Reject($"starts with \"{first}\", which spreadsheets run as a formula; it cannot be a lookup key in the tables"),
        { Value: ['\'', var second, ..] } when IsFormulaStart(second) =>
            ClassificationResult.Reject($"starts with \"'{second}\", an escaped spreadsheet formula; it cannot be a lookup key in the tables"),
        _ => result,
    };

    private static bool IsFormulaStart(char c) => c is '=' or '+' or '-' or '@';
}
