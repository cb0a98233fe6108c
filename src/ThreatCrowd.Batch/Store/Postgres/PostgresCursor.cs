using Npgsql;

namespace ThreatCrowd.Batch.Store.Postgres;

/// <summary>
/// Streams the rows of one query through a server-side cursor, <see cref="BatchSize"/> rows per fetch, so a table of
/// millions never has to fit in memory, on this side or in the driver's buffers. The cursor lives in a read-only
/// transaction on a connection of its own: every row comes from the one snapshot taken when the query starts, other
/// hosts may write meanwhile, and leaving the enumeration early just closes the cursor.
/// </summary>
internal static class PostgresCursor
{
    public const int BatchSize = 10_000;

    public static IEnumerable<NpgsqlDataReader> Read(NpgsqlDataSource dataSource, string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();

        // The planner assumes a cursor's reader stops after a tenth of the rows and picks plans that start fast;
        // these are always read through.
        connection.Execute("SET TRANSACTION READ ONLY; SET LOCAL cursor_tuple_fraction = 1.0; SET LOCAL jit = off", transaction);
        using (var declare = NpgsqlCommands.Command(connection, "DECLARE table_rows NO SCROLL CURSOR FOR " + sql, transaction, parameters))
        {
            declare.ExecuteNonQuery();
        }

        using var fetch = new NpgsqlCommand($"FETCH FORWARD {BatchSize} FROM table_rows", connection, transaction);
        for (var fetched = BatchSize; fetched == BatchSize;)
        {
            fetched = 0;
            using var reader = fetch.ExecuteReader();
            while (reader.Read())
            {
                fetched++;
                yield return reader;
            }
        }
    }
}
