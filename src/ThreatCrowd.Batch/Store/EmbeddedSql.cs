using System.Globalization;
using System.Text.RegularExpressions;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// SQL files embedded at build (the stores' schemas, the job store's tables): the only copies, so the program and
/// the files in the repository cannot drift apart.
/// </summary>
internal static class EmbeddedSql
{
    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedSql).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in the program; rebuild it.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The version a schema file states in its own version line (the pattern's first group).</summary>
    public static int Version(string sql, Regex versionLine, string name, string expectedLine)
    {
        var match = versionLine.Match(sql);
        return match.Success
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"{name} has no '{expectedLine}' line.");
    }
}
