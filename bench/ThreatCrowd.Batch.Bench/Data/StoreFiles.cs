using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;

namespace ThreatCrowd.Batch.Bench.Data;

/// <summary>
/// Builds a store file once per (kind, seed, size) through the program's own schema, with the kept counts of its
/// indicators, and hands out fresh copies when a benchmark changes what it runs on.
/// </summary>
internal static class StoreFiles
{
    public static string Ensure(string path, Action<SqliteConnection> fill)
    {
        if (File.Exists(path))
        {
            return path;
        }

        var temp = path + ".building";
        foreach (var leftover in new[] { temp, temp + "-wal", temp + "-shm" })
        {
            File.Delete(leftover);
        }

        using (var connection = StoreDatabase.Open(temp))
        {
            using (var cache = connection.CreateCommand())
            {
                // Building is not what is measured: a big cache only makes it quicker.
                cache.CommandText = "PRAGMA cache_size = -262144";
                cache.ExecuteNonQuery();
            }

            fill(connection);
            using var checkpoint = connection.CreateCommand();
            // The generators insert indicators by plain SQL, which no trigger counts (schema 7): the kept counts
            // are made from the rows, as the upgrade to schema 6 makes them.
            checkpoint.CommandText =
                """
                DELETE FROM indicator_counts;
                INSERT INTO indicator_counts (type, state, count) SELECT type, state, count(*) FROM indicators GROUP BY type, state;
                PRAGMA wal_checkpoint(TRUNCATE);
                """;
            checkpoint.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        File.Move(temp, path);
        File.Delete(temp + "-wal");
        File.Delete(temp + "-shm");
        return path;
    }

    /// <summary>A copy of <paramref name="source"/> at <paramref name="target"/>, replacing whatever was there.</summary>
    public static string Copy(string source, string target)
    {
        foreach (var leftover in new[] { target, target + "-wal", target + "-shm", target + ".lock", target + ".lock.pid" })
        {
            File.Delete(leftover);
        }

        File.Copy(source, target);
        return target;
    }

    public static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        command.Prepare();
        return command;
    }

    /// <summary>Runs a prepared command with these parameter values; returns the rows changed.</summary>
    public static int Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command.ExecuteNonQuery();
    }
}
