using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Inputs;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Runs;

/// <summary>The <see cref="CsvReadSettings"/> of one input file: the first <c>Sources:Files</c> entry matching its path, and Sources:MispToIdsOnly.</summary>
internal static class CsvReadSettingsFor
{
    public static CsvReadSettings File(string path, SourcesOptions sources)
    {
        var entry = sources.Files.FirstOrDefault(file => Matches(file.Path, path));
        if (entry is null)
        {
            return CsvReadSettings.Detect with { MispToIdsOnly = sources.MispToIdsOnly };
        }

        return new CsvReadSettings(
            [.. entry.Columns.Select(column => column.Trim())],
            string.IsNullOrWhiteSpace(entry.Type) ? null : entry.Type.Trim().ToLowerInvariant(),
            entry.HeaderLine,
            sources.MispToIdsOnly);
    }

    // The pattern as written against the path as given, or both made absolute: exports/*.csv matches a glob's full paths.
    private static bool Matches(string pattern, string path)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return false;
        }

        var trimmed = pattern.Trim();
        return new WildcardPattern(trimmed).Matches(path)
            || new WildcardPattern(System.IO.Path.GetFullPath(trimmed)).Matches(System.IO.Path.GetFullPath(path));
    }
}
