using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// Streams the rows of one query, one reader at a time, so a table never has to fit in memory. The database's errors
/// come out translated (an iterator cannot catch around its own yield, so the reads that may fail are wrapped one by one).
/// </summary>
internal static class RowStream
{
    public static IEnumerable<SqliteDataReader> Read(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        using var reader = Execute(command);
        while (Next(reader))
        {
            yield return reader;
        }
    }

    private static SqliteDataReader Execute(SqliteCommand command)
    {
        try
        {
            return command.ExecuteReader();
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Translate(e);
        }
    }

    private static bool Next(SqliteDataReader reader)
    {
        try
        {
            return reader.Read();
        }
        catch (SqliteException e)
        {
            throw SqliteErrors.Translate(e);
        }
    }
}
