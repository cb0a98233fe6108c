using System.Globalization;

namespace ThreatCrowd.Batch.Configuration;

/// <summary>Checks section <c>Output</c>; each message names its key and says what would be accepted.</summary>
internal static class OutputValidator
{
    // A century is more than any retention needs, and keeps "now minus the span" a valid date.
    private static readonly TimeSpan Longest = TimeSpan.FromDays(36500);

    public static IEnumerable<string> Validate(OutputOptions output)
    {
        if (string.IsNullOrWhiteSpace(output.Directory))
        {
            yield return "Output:Directory is empty; give the folder the tables are written to.";
        }

        if (output.MaxAge < TimeSpan.Zero || output.MaxAge > Longest)
        {
            yield return $"Output:MaxAge is {output.MaxAge}; it must be 00:00:00 (keep everything) or a positive time span up to {Longest}, such as 30.00:00:00.";
        }

        if (output.ChangesKeep <= TimeSpan.Zero || output.ChangesKeep > Longest)
        {
            yield return $"Output:ChangesKeep is {output.ChangesKeep}; it must be a positive time span up to {Longest}, such as 30.00:00:00.";
        }

        if (!double.IsFinite(output.WarnAboveMegabytes) || output.WarnAboveMegabytes < 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Output:WarnAboveMegabytes is {output.WarnAboveMegabytes}; it must be 0 (never warn) or more, such as 25.");
        }

        if (output.Splunk.App && SplunkAppId.WhyNot(output.SplunkAppName) is { } why)
        {
            yield return $"Output:Splunk:AppDirectory ends in \"{output.SplunkAppName}\", which is not a Splunk app id: {why}. Name the folder like TA-threatcrowd; its name is the app's id.";
        }

        if (output.Splunk.App && !string.IsNullOrWhiteSpace(output.Directory) && !output.TablesInAppLookups
            && IsInside(output.Directory, output.SplunkAppFolder))
        {
            yield return $"Output:Directory \"{output.Directory}\" is inside the Splunk app's folder \"{output.SplunkAppFolder}\" (Output:Splunk:AppDirectory), where Splunk reads only configuration and lookups. Give a folder outside the app (every export copies the lookups into it), or the app's lookups folder itself.";
        }

        var maxAge = output.EnterpriseSecurity.MaxAge;
        if (maxAge < TimeSpan.FromHours(1) || maxAge > TimeSpan.FromDays(3650) || maxAge.Ticks % TimeSpan.TicksPerHour != 0)
        {
            yield return $"Output:EnterpriseSecurity:MaxAge is {maxAge}; it must be whole hours from 01:00:00 to 3650.00:00:00, such as 7.00:00:00 (ES keeps an item that left a file this long).";
        }

        var weights = output.EnterpriseSecurity.Weights;
        foreach (var (key, value) in new[] { ("Feed", weights.Feed), ("VotedMalicious", weights.VotedMalicious), ("Both", weights.Both), ("Related", weights.Related) })
        {
            if (value is < 1 or > 100)
            {
                yield return $"Output:EnterpriseSecurity:Weights:{key} is {value}; an ES weight must be between 1 and 100.";
            }
        }
    }

    private static bool IsInside(string path, string folder)
    {
        var inner = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path)) + Path.DirectorySeparatorChar;
        var outer = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        return inner.StartsWith(outer, StringComparison.Ordinal);
    }
}
