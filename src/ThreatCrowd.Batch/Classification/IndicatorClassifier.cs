namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// Turns one raw value from a source into the indicator that is stored and sent to the API, or a reason a SOC
/// engineer can act on. A type hint (a column name, a "type" cell, a feed's type) is checked, not trusted.
/// </summary>
internal sealed class IndicatorClassifier
{
    public const int MaxValueLength = 2048;

    public const string NotRecognized =
        "not a domain, IP address, e-mail address or file hash (an antivirus family name needs a \"type\" column saying antivirus)";

    private readonly ValueDetector _detector = new();

    public ClassificationResult Classify(string raw, string? typeHint) => FormulaRule.Check(ClassifyValue(raw, typeHint));

    private ClassificationResult ClassifyValue(string raw, string? typeHint)
    {
        ArgumentNullException.ThrowIfNull(raw);

        // Checked first so a pasted log line or binary junk costs nothing more.
        if (raw.Length > MaxValueLength)
        {
            return ClassificationResult.Reject($"value longer than {MaxValueLength} characters");
        }

        var problem = RawValueCleaner.Clean(raw, out var cleaned);
        if (problem is not null)
        {
            return ClassificationResult.Reject(problem);
        }

        var hint = TypeHint.Find(typeHint);
        if (hint?.Kind == ExpectedKind.Antivirus)
        {
            return AntivirusRules.Classify(cleaned);
        }

        var detection = _detector.Detect(cleaned);
        if (hint is null)
        {
            return detection.Indicator is { } detected
                ? ClassificationResult.Accept(detected)
                : ClassificationResult.Reject(detection.Specific && detection.Reason is { } reason ? reason : NotRecognized);
        }

        return detection.Indicator is { } indicator && hint.Accepts(indicator)
            ? ClassificationResult.Accept(indicator)
            : ClassificationResult.Reject(HintMismatch.Describe(hint, cleaned, detection));
    }
}
