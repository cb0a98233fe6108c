using Npgsql;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Runs;

/// <summary>
/// The run of <see cref="FixtureExport"/> with the store in PostgreSQL (Store:Provider postgres), on a throwaway
/// cluster of its own whose database orders text by a language (ICU's en-US), not by bytes as SQLite does.
/// </summary>
public sealed class PostgresFixtureExport : FixtureExport
{
    private readonly PostgresCluster _cluster = new();

    private string? _connectionString;

    /// <summary>How many indicators the run left in the PostgreSQL store.</summary>
    public long StoredIndicators { get; private set; }

    public override async Task InitializeAsync()
    {
        await _cluster.InitializeAsync();
        await base.InitializeAsync();
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM indicators", connection);
        StoredIndicators = (long)(await count.ExecuteScalarAsync())!;
    }

    public override async Task DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            await _cluster.DisposeAsync();
        }
    }

    protected override async Task<string?> StoreConnectionStringAsync() => _connectionString = await _cluster.CreateDatabaseAsync(icuLocale: "en-US");
}
