using System.Text.RegularExpressions;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// The root schema.sql, embedded at build: the only copy of the schema. Its version is read from the file's own
/// <c>PRAGMA user_version</c> line, so the code and the file cannot disagree.
/// </summary>
internal static partial class Schema
{
    public static string Sql { get; } = EmbeddedSql.Read("schema.sql");

    public static int Version { get; } = EmbeddedSql.Version(Sql, UserVersion(), "schema.sql", "PRAGMA user_version = N;");

    [GeneratedRegex(@"^PRAGMA user_version\s*=\s*(\d+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UserVersion();
}
