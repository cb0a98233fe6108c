using Npgsql;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>Reads of sources into the PostgreSQL store, each through a <see cref="PostgresImportWriter"/>.</summary>
internal sealed class PostgresImports(NpgsqlDataSource dataSource) : IImportStore
{
    public IImportWriter BeginRead(string sourceName, SourceKind kind, DateTimeOffset now) => new PostgresImportWriter(dataSource, sourceName, kind, now);

    public long CountImportedSince(DateTimeOffset since) => PostgresImportWriter.CountImportedSince(dataSource, since);
}
