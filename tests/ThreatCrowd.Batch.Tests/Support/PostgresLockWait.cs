using Dapper;
using Npgsql;

namespace ThreatCrowd.Batch.Tests.Support;

/// <summary>Waits, as the server sees it, until some session of the cluster waits for a lock.</summary>
internal static class PostgresLockWait
{
    /// <summary>
    /// Returns once a session waits for a lock; throws if <paramref name="work"/> ended first (with its own exception,
    /// if it had one) or none waited within 30 s.
    /// </summary>
    public static async Task UntilSomeoneWaitsAsync(string connectionString, Task work, string what)
    {
        await using var admin = new NpgsqlConnection(connectionString);
        await admin.OpenAsync();
        for (var i = 0; i < 600 && !work.IsCompleted; i++)
        {
            if (await admin.ExecuteScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE NOT granted") > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        if (work.IsCompleted)
        {
            await work;
        }

        throw new InvalidOperationException(what + " never waited for a lock");
    }
}
