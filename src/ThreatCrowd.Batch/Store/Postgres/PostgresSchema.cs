using System.Text.RegularExpressions;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// The root schema.postgres.sql, embedded at build: the only copy of the PostgreSQL store's schema. Its version is
/// read from the file's own <c>INSERT INTO store_version</c> line, so the code and the file cannot disagree.
/// </summary>
internal static partial class PostgresSchema
{
    public static string Sql { get; } = EmbeddedSql.Read("schema.postgres.sql");

    public static int Version { get; } =
        EmbeddedSql.Version(Sql, VersionRow(), "schema.postgres.sql", "INSERT INTO store_version (version) VALUES (N);");

    [GeneratedRegex(@"^INSERT INTO store_version \(version\) VALUES \((\d+)\);", RegexOptions.Multiline)]
    private static partial Regex VersionRow();
}
