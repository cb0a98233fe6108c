using System.Buffers;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Classification;

/// <summary>File hashes: the ThreatCrowd file endpoint takes MD5, SHA-1 and SHA-256 as lower-case hex.</summary>
internal static class HashRules
{
    public const int Md5Length = 32;
    public const int Sha1Length = 40;
    public const int Sha256Length = 64;

    // Shorter all-hex words ("cafe", "deadbeef") are more likely names than mangled hashes.
    private const int LooksLikeHashFrom = 24;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    public static bool IsHex(ReadOnlySpan<char> value) => !value.IsEmpty && !value.ContainsAnyExcept(HexDigits);

    /// <summary>Classifies an all-hex lower-case value; null when it is too short to be meant as a hash.</summary>
    public static Detection? Classify(string value)
    {
        if (value.Length is Md5Length or Sha1Length or Sha256Length)
        {
            return Detection.Found(IndicatorType.File, value);
        }

        return value.Length >= LooksLikeHashFrom
            ? Detection.Broken($"{value.Length} hex digits is not a file hash (MD5 has 32, SHA-1 40, SHA-256 64)", IndicatorType.File)
            : null;
    }

    /// <summary>The algorithm a hash of this length comes from, for messages.</summary>
    public static string AlgorithmName(int length) => length switch
    {
        Md5Length => "MD5",
        Sha1Length => "SHA-1",
        _ => "SHA-256",
    };
}
