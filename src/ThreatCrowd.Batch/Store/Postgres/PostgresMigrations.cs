namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// The steps that bring a PostgreSQL store from one schema version to the next, as for SQLite (see
/// <see cref="Sqlite.Migrations"/>): step N turns version N into N + 1 and must also <c>UPDATE store_version SET version = N + 1</c>.
/// A new store gets schema.postgres.sql directly and needs none of them. Each runs in the one transaction of the
/// upgrade, under the store's migration lock, so hosts starting together upgrade once.
/// </summary>
internal static class PostgresMigrations
{
    public static IReadOnlyDictionary<int, string> Steps { get; } = new Dictionary<int, string>();
}
