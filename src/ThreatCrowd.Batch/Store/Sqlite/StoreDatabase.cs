using Dapper;
using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>Opens the store file, creating or migrating its schema, and refuses one it cannot understand.</summary>
internal static class StoreDatabase
{
    public static SqliteConnection Open(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            connection.Execute("PRAGMA busy_timeout = 5000;");
            // The version is checked before anything is written: a store this program does not understand stays as it was.
            Migrate(connection, path);
            // WAL keeps every committed answer through a hard kill and lets readers (status) work beside a run.
            connection.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new StoreException($"Cannot open the store \"{path}\": {ex.Message}. Check Store:Path; if the file is not a store, move it away.", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Migrate(SqliteConnection connection, string path)
    {
        var version = connection.ExecuteScalar<int>("PRAGMA user_version");
        if (version > Schema.Version)
        {
            throw new StoreException(
                $"The store \"{path}\" has schema version {version}, newer than this program's {Schema.Version}. " +
                "It was left untouched: use the newer program that wrote it, or point Store:Path at another file.");
        }

        if (version == Schema.Version)
        {
            return;
        }

        // A step may rebuild a table that others reference, which SQLite allows only with foreign keys off (they
        // cannot be switched inside a transaction); Open turns them on again once the schema is current.
        connection.Execute("PRAGMA foreign_keys = OFF;");
        using var transaction = connection.BeginTransaction();
        if (version == 0)
        {
            var tables = connection.ExecuteScalar<long>("SELECT count(*) FROM sqlite_schema WHERE type = 'table'", transaction: transaction);
            if (tables > 0)
            {
                throw new StoreException($"\"{path}\" is an SQLite file but not a ThreatCrowd.Batch store. It was left untouched: point Store:Path at another file.");
            }

            connection.Execute(Schema.Sql, transaction: transaction);
        }
        else
        {
            for (var step = version; step < Schema.Version; step++)
            {
                connection.Execute(Migrations.Steps[step], transaction: transaction);
            }
        }

        transaction.Commit();
    }
}
