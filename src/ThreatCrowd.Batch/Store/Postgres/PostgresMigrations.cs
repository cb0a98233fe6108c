namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// The steps that bring a PostgreSQL store from one schema version to the next, as for SQLite (see
/// <see cref="Sqlite.Migrations"/>): step N turns version N into N + 1 and must also <c>UPDATE store_version SET version = N + 1</c>.
/// A new store gets schema.postgres.sql directly and needs none of them. Each runs in the one transaction of the
/// upgrade, under the store's migration lock, so hosts starting together upgrade once.
/// </summary>
internal static class PostgresMigrations
{
    public static IReadOnlyDictionary<int, string> Steps { get; } = new Dictionary<int, string>
    {
        // The rejects of one line are listed in the order written, as SQLite's rowid lists them; a store's rejects
        // so far take the order of the table's pages, the order they were written in unless rows were deleted since.
        [1] = "ALTER TABLE rejects ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY; UPDATE store_version SET version = 2;",
        [2] = "CREATE INDEX indicators_claimed ON indicators (claimed_by) WHERE claimed_by IS NOT NULL; UPDATE store_version SET version = 3;",

        // The unique key by value first, then type (see schema.postgres.sql): one sort of the stored indicators.
        [3] =
            """
            ALTER TABLE indicators DROP CONSTRAINT indicators_type_value_key, ADD CONSTRAINT indicators_value_type_key UNIQUE (value, type);
            UPDATE store_version SET version = 4;
            """,
    };
}
