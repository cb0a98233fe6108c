using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Configuration;

/// <summary>
/// Section <c>Store</c>: where the queue, the answers and the run history are kept. SQLite (a file, one host) by
/// default; PostgreSQL to share one queue and one pace between hosts.
/// </summary>
internal sealed class StoreOptions
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary><see cref="Sqlite"/> or <see cref="Postgres"/>.</summary>
    public string Provider { get; init; } = Sqlite;

    /// <summary>The SQLite store file (Provider sqlite).</summary>
    public string Path { get; init; } = "data/threatcrowd.db";

    /// <summary>Npgsql's connection string (Provider postgres). Carries the password: never printed.</summary>
    public string ConnectionString { get; init; } = "";

    /// <summary>A file holding the connection string instead (a secret kept out of the settings and the environment).</summary>
    public string ConnectionStringFile { get; init; } = "";

    /// <summary>
    /// How long an indicator claimed by a process on the PostgreSQL store stays its own: one claimed by a process
    /// that died is asked again after this. Renewed with every request, so it only needs to outlast one attempt.
    /// </summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(10);

    public bool IsPostgres => string.Equals(Provider?.Trim(), Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>The store these settings name, as the store opens it.</summary>
    public StoreSettings Settings() =>
        new(Path) { ConnectionString = IsPostgres ? ResolveConnectionString() : null, ClaimLease = ClaimLease };

    /// <summary>The connection string from the setting, or else from the file; empty when neither gives one.</summary>
    public string ResolveConnectionString() =>
        !string.IsNullOrWhiteSpace(ConnectionString) ? ConnectionString
        : !string.IsNullOrWhiteSpace(ConnectionStringFile) && File.Exists(ConnectionStringFile) ? File.ReadAllText(ConnectionStringFile).Trim()
        : "";
}
