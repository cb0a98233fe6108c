using Npgsql;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Store.JobStore;

/// <summary>
/// The clustered schedule's tables (Quartz's ADO job store) in the PostgreSQL database: created when missing, from
/// the embedded <c>quartz_postgres.sql</c>, in one transaction under an advisory lock, so hosts starting together
/// create them once. Quartz itself then checks them when it starts.
/// </summary>
internal static class QuartzTables
{
    public const string Resource = "quartz_postgres.sql";

    /// <summary>Creates what is missing; true when the tables were not there before.</summary>
    public static async Task<bool> EnsureAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var lockTables = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('threatcrowd-batch: quartz tables', 0))", connection, transaction))
        {
            await lockTables.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        bool missing;
        await using (var look = new NpgsqlCommand("SELECT to_regclass('qrtz_locks') IS NULL", connection, transaction))
        {
            missing = (bool)(await look.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }

        await using (var create = new NpgsqlCommand(Script(), connection, transaction))
        {
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return missing;
    }

    /// <summary>How many firings of a job are in progress anywhere in the cluster (Quartz's fired-trigger rows).</summary>
    /// <summary>The firings count on this connection, for code outside the store's backends.</summary>
    public static ClusterFirings Firings(NpgsqlConnection connection) =>
        new((scheduler, job, group, ct) => FiringsAsync(connection, scheduler, job, group, ct));

    public static async Task<long> FiringsAsync(NpgsqlConnection connection, string scheduler, string jobName, string jobGroup, CancellationToken ct)
    {
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM qrtz_fired_triggers WHERE sched_name = @scheduler AND job_name = @name AND job_group = @group", connection);
        count.Parameters.AddWithValue("scheduler", scheduler);
        count.Parameters.AddWithValue("name", jobName);
        count.Parameters.AddWithValue("group", jobGroup);
        return (long)(await count.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    public static string Script() => EmbeddedSql.Read(Resource);
}
