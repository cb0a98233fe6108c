using System.Globalization;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// Tells a local file that is plainly not a list of indicators (a password file, a binary, a config file named by
/// mistake) from a list with some bad lines, by its first values: when most of them are no indicator at all, the
/// file is refused as a whole with one message instead of every line landing in rejects.csv. Values refused by
/// policy (a private address) are indicators and do not count against the file.
/// </summary>
internal static class NotAList
{
    /// <summary>How many of the first values are looked at.</summary>
    public const int Sample = 100;

    /// <summary>Fewer values than this prove nothing: a short list with a few bad lines is still a list.</summary>
    public const int MinimumSample = 10;

    /// <summary>Why the source is refused, or null when its first values read as a list.</summary>
    public static string? Why(IReadOnlyList<ImportItem> first)
    {
        var sample = first.Count > Sample ? first.Take(Sample).ToList() : first;
        if (sample.Count < MinimumSample)
        {
            return null;
        }

        var unreadable = sample.Count(i => i.Unreadable);

        // More than three in four: "most", with room for a list whose export added a few lines of its own.
        return unreadable * 4 > sample.Count * 3
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"does not look like a list of indicators: {unreadable} of its first {sample.Count} values are not indicators")
            : null;
    }
}
