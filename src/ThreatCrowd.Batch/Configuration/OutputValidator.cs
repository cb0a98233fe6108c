using System.Globalization;
using System.Text.RegularExpressions;

namespace ThreatCrowd.Batch.Configuration;

/// <summary>Checks section <c>Output</c>; each message names its key and says what would be accepted.</summary>
internal static partial class OutputValidator
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

        var appName = output.SplunkAppName;
        if (output.Splunk.App && !AppId().IsMatch(appName))
        {
            yield return $"Output:Splunk:AppDirectory ends in \"{appName}\", which is not a Splunk app id: the folder's name must start with a letter and hold only letters, digits, '.', '_' and '-', such as TA-threatcrowd.";
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

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9._-]*$")]
    private static partial Regex AppId();
}
