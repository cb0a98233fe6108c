using System.Globalization;
using System.Text.RegularExpressions;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// The root schema.postgres.sql, embedded at build: the only copy of the PostgreSQL store's schema. Its version is
/// read from the file's own <c>INSERT INTO store_version</c> line, so the code and the file cannot disagree.
/// </summary>
internal static partial class PostgresSchema
{
    public static string Sql { get; } = ReadEmbedded();

    public static int Version { get; } = ParseVersion(Sql);

    private static string ReadEmbedded()
    {
        using var stream = typeof(PostgresSchema).Assembly.GetManifestResourceStream("schema.postgres.sql")
            ?? throw new InvalidOperationException("schema.postgres.sql is not embedded in the program; rebuild it.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static int ParseVersion(string sql)
    {
        var match = VersionRow().Match(sql);
        return match.Success
            ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("schema.postgres.sql has no 'INSERT INTO store_version (version) VALUES (N);' line.");
    }

    [GeneratedRegex(@"^INSERT INTO store_version \(version\) VALUES \((\d+)\);", RegexOptions.Multiline)]
    private static partial Regex VersionRow();
}
