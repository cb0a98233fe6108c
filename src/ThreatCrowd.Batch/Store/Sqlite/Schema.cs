using System.Globalization;
using System.Text.RegularExpressions;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// The root schema.sql, embedded at build: the only copy of the schema. Its version is read from the file's own
/// <c>PRAGMA user_version</c> line, so the code and the file cannot disagree.
/// </summary>
internal static partial class Schema
{
    public static string Sql { get; } = ReadEmbedded();

    public static int Version { get; } = ParseVersion(Sql);

    private static string ReadEmbedded()
    {
        using var stream = typeof(Schema).Assembly.GetManifestResourceStream("schema.sql")
            ?? throw new InvalidOperationException("schema.sql is not embedded in the program; rebuild it.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static int ParseVersion(string sql)
    {
        var match = UserVersion().Match(sql);
        return match.Success
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("schema.sql has no 'PRAGMA user_version = N;' line.");
    }

    [GeneratedRegex(@"^PRAGMA user_version\s*=\s*(\d+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UserVersion();
}
