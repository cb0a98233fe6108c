using ThreatCrowd.Batch.Store.Postgres;

namespace ThreatCrowd.Batch.Store;

/// <summary>
/// The shared store's connection string as the settings check it, through the door: what is wrong with it, told
/// without ever quoting it (it carries the password).
/// </summary>
internal static class StoreConnectionString
{
    /// <summary>What is wrong with a PostgreSQL connection string, or null when it can be used.</summary>
    public static string? Problem(string connectionString) => PostgresConnectionString.Problem(connectionString);
}
