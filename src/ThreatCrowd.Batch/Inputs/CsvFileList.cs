using Microsoft.Extensions.FileSystemGlobbing;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// Turns Sources:CsvFiles and --input into file paths. A plain path is kept as given (the reader reports it if it
/// is missing); a glob (<c>*</c>, <c>?</c>, <c>**</c>) is matched below the folder part that has no wildcard, among
/// the files <see cref="FolderWalk"/> lists there (each once, however many links lead to it).
/// </summary>
internal static class CsvFileList
{
    public static IReadOnlyList<(string Pattern, IReadOnlyList<string> Files)> Expand(IEnumerable<string> patterns)
    {
        var result = new List<(string, IReadOnlyList<string>)>();
        foreach (var pattern in patterns)
        {
            result.Add((pattern, IsGlob(pattern) ? Match(pattern) : [pattern]));
        }

        return result;
    }

    private static bool IsGlob(string pattern) => pattern.AsSpan().IndexOfAny('*', '?') >= 0;

    private static List<string> Match(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var parts = normalized.Split('/');
        var fixedCount = parts.TakeWhile(p => !IsGlob(p)).Count();
        var root = fixedCount == 0 ? "." : string.Join('/', parts.Take(fixedCount));
        if (normalized.StartsWith('/') && fixedCount <= 1)
        {
            root = "/";
        }

        var include = parts.Skip(fixedCount).ToList();
        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(string.Join('/', include));
        if (!Directory.Exists(root))
        {
            return [];
        }

        // Without "**" nothing deeper than the pattern's own parts can match, so nothing deeper is listed.
        int? maxDepth = include.Exists(p => p.Contains("**", StringComparison.Ordinal)) ? null : include.Count;
        return matcher.Match(root, FolderWalk.Files(root, maxDepth)).Files
            .Select(f => Path.GetFullPath(Path.Combine(root, f.Path)))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
