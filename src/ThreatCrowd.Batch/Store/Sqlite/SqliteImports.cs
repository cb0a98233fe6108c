using Dapper;
using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>Reads of sources into the SQLite store, each through an <see cref="ImportWriter"/>.</summary>
internal sealed class SqliteImports(SqliteConnection connection) : IImportStore
{
    public IImportWriter BeginRead(string sourceName, SourceKind kind, DateTimeOffset now) => new ImportWriter(connection, sourceName, kind, now);

    public long CountImportedSince(DateTimeOffset since) => SqliteErrors.Guard(() =>
        connection.ExecuteScalar<long>("SELECT count(*) FROM indicators WHERE last_imported_at >= $since", new { since = UnixMs.From(since) }));
}
