using Npgsql;

namespace ThreatCrowd.Batch.Store.JobStore;

/// <summary>
/// A lock every host on one PostgreSQL database shares: a session advisory lock named in words, held while one
/// decision is taken and acted on, so two hosts starting together take it one after the other.
/// </summary>
internal static class ClusterLock
{
    public static async Task<T> HoldAsync<T>(string connectionString, string name, Func<NpgsqlConnection, CancellationToken, Task<T>> body, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await ExecuteAsync(connection, "SELECT pg_advisory_lock(hashtextextended(@name, 0))", name, ct).ConfigureAwait(false);
        try
        {
            return await body(connection, ct).ConfigureAwait(false);
        }
        finally
        {
            // Closing the connection would release it too, but a pooled connection is not closed.
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock(hashtextextended(@name, 0))", name, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, string name, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", name);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
