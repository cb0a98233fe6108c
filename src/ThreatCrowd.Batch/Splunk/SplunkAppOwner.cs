using ThreatCrowd.Batch.Configuration;

namespace ThreatCrowd.Batch.Splunk;

/// <summary>
/// Tells the program's own app folder from anyone else's, so that an export never overwrites another app's
/// configuration. A folder is the program's when it does not exist yet, is empty, or holds a default/app.conf whose
/// <c>[launcher] author</c> is ThreatCrowd.Batch, which every export writes first (see <see cref="SplunkApp.ClaimAsync"/>).
/// </summary>
internal static class SplunkAppOwner
{
    /// <summary>Why <paramref name="folder"/> is not the program's app folder, or null when it is (or may become so).</summary>
    public static string? WhyNotOurs(string folder)
    {
        if (File.Exists(folder))
        {
            return "it is a file, not a folder";
        }

        if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            return null;
        }

        var appConf = Path.Combine(folder, "default", "app.conf");
        if (!File.Exists(appConf))
        {
            return "it holds files but no default/app.conf, so it is no app this program wrote";
        }

        try
        {
            return string.Equals(LauncherAuthor(appConf), SplunkAppFiles.Author, StringComparison.Ordinal)
                ? null
                : $"its default/app.conf names another author than {SplunkAppFiles.Author} under [launcher], so it is another app";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"its default/app.conf cannot be read ({e.Message})";
        }
    }

    /// <summary>Refuses, before anything is written, an app folder the program did not create.</summary>
    public static void ThrowIfNotOurs(OutputOptions output)
    {
        if (output.Splunk.App && WhyNotOurs(output.SplunkAppFolder) is { } why)
        {
            throw new ConfigurationError(
                $"Output:Splunk:AppDirectory \"{Path.GetFullPath(output.SplunkAppFolder)}\" is not an app this program created: {why}. " +
                "It is left untouched. Point Output:Splunk:AppDirectory at a new or empty folder (its name becomes the app's id) " +
                "or at an app this program wrote, or set Output:Splunk:App=false.");
        }
    }

    private static string? LauncherAuthor(string appConf)
    {
        var inLauncher = false;
        foreach (var raw in File.ReadLines(appConf))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                inLauncher = string.Equals(line, "[launcher]", StringComparison.Ordinal);
            }
            else if (inLauncher && line.Split('=', 2) is [var key, var value] && string.Equals(key.Trim(), "author", StringComparison.Ordinal))
            {
                return value.Trim();
            }
        }

        return null;
    }
}
