using Npgsql;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// Connects to the PostgreSQL store, creating or migrating its schema, and refuses one it cannot understand. Every
/// host starts here; the upgrade runs under an advisory lock, in one transaction, so two hosts starting together
/// upgrade once and a store this program does not understand is left as it was.
/// </summary>
internal static class PostgresDatabase
{
    /// <summary>The advisory lock key of the schema upgrade (any number no other lock of the store uses).</summary>
    private const long MigrationLock = 0x7463_6200_0001;

    public static NpgsqlDataSource Open(string connectionString)
    {
        var where = PostgresConnectionString.Describe(connectionString);
        var dataSource = NpgsqlDataSource.Create(PostgresConnectionString.ForStore(connectionString, "threatcrowd-batch"));
        try
        {
            using var connection = dataSource.OpenConnection();
            Migrate(connection, where);
            return dataSource;
        }
        catch (NpgsqlException ex)
        {
            dataSource.Dispose();
            throw new StoreException(
                $"Cannot open the PostgreSQL store {where}: {ex.Message}. Check Store:ConnectionString, that the server runs and that this user may connect and create tables.",
                ex);
        }
        catch
        {
            dataSource.Dispose();
            throw;
        }
    }

    private static void Migrate(NpgsqlConnection connection, string where)
    {
        using var transaction = connection.BeginTransaction();
        connection.Execute("SELECT pg_advisory_xact_lock(@key)", transaction, ("key", MigrationLock));
        var version = connection.Scalar<bool>("SELECT to_regclass('store_version') IS NOT NULL", transaction)
            ? connection.Scalar<int?>("SELECT max(version) FROM store_version", transaction) ?? 0
            : 0;
        if (version > PostgresSchema.Version)
        {
            throw new StoreException(
                $"The PostgreSQL store {where} has schema version {version}, newer than this program's {PostgresSchema.Version}. " +
                "It was left untouched: use the newer program that wrote it, or point Store:ConnectionString at another database.");
        }

        if (version == PostgresSchema.Version)
        {
            return;
        }

        if (version == 0)
        {
            // Another program's tables may share the database (Quartz's do); one named like the store's may not.
            if (connection.Scalar<bool>("SELECT to_regclass('indicators') IS NOT NULL", transaction))
            {
                throw new StoreException(
                    $"The PostgreSQL database {where} holds a table named indicators but is not a ThreatCrowd.Batch store. " +
                    "It was left untouched: point Store:ConnectionString at another database.");
            }

            connection.Execute(PostgresSchema.Sql, transaction);
        }
        else
        {
            for (var step = version; step < PostgresSchema.Version; step++)
            {
                connection.Execute(PostgresMigrations.Steps[step], transaction);
            }
        }

        transaction.Commit();
    }
}
