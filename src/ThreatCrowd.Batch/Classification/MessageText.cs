namespace ThreatCrowd.Batch.Classification;

/// <summary>Helpers that keep rejection reasons short and readable.</summary>
internal static class MessageText
{
    private const int MaxQuotedLength = 60;

    /// <summary>The value in double quotes, shortened so a huge cell cannot flood a reason column.</summary>
    public static string Quote(string value) =>
        value.Length <= MaxQuotedLength
            ? string.Concat("\"", value, "\"")
            : string.Concat("\"", value.AsSpan(0, MaxQuotedLength - 3), "...\"");

    /// <summary>How a character is named in a reason, e.g. U+0007.</summary>
    public static string CodePoint(char c) => "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}
