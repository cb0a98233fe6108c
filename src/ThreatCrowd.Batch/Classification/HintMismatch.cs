using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Classification;

/// <summary>
/// The reason for a value that is not what its source says it is, naming both: column says md5 but "abc" is not
/// 32 hex digits (it has 3).
/// </summary>
internal static class HintMismatch
{
    public static string Describe(TypeHint hint, string cleaned, Detection detection)
    {
        var message = $"column says {hint.Name} but {MessageText.Quote(cleaned)} is not {hint.Expectation}";
        var detail = Detail(hint, cleaned, detection);
        return detail is null ? message : $"{message} ({detail})";
    }

    private static string? Detail(TypeHint hint, string cleaned, Detection detection)
    {
        if (hint.Kind is ExpectedKind.Md5 or ExpectedKind.Sha1 or ExpectedKind.Sha256 && HashRules.IsHex(cleaned))
        {
            return $"it has {cleaned.Length}";
        }

        if (detection.Indicator is { } other)
        {
            return "it is " + Describe(other);
        }

        bool relevant = detection.Attempted is not { } attempted || hint.Concerns(attempted);
        return relevant ? detection.Reason : null;
    }

    private static string Describe(Indicator indicator) => indicator.Type switch
    {
        IndicatorType.Domain => "a domain name",
        IndicatorType.Ip => "an IP address",
        IndicatorType.Email => "an e-mail address",
        IndicatorType.File when indicator.Value.Length == HashRules.Md5Length => "an MD5 hash",
        IndicatorType.File => $"a {HashRules.AlgorithmName(indicator.Value.Length)} hash",
        _ => "an antivirus family name",
    };
}
