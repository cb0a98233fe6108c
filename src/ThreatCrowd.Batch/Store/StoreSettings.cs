namespace ThreatCrowd.Batch.Store;

/// <summary>
/// Where the store is: the SQLite file at <paramref name="Path"/>, or, with a <see cref="ConnectionString"/>, the
/// PostgreSQL database every host shares.
/// </summary>
internal sealed record StoreSettings(string Path)
{
    /// <summary>Npgsql's connection string of the shared store; null for the SQLite file. Carries the password.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>How long an indicator claimed on the shared store stays the claiming process's without being renewed.</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(10);

    public bool IsShared => ConnectionString is not null;

    /// <summary>The store as an operator may read it: the file, or user@host:port/database without the password.</summary>
    public string Describe() => StoreFactory.Describe(this);

    /// <summary>Never the connection string: it carries the password.</summary>
    public override string ToString() => Describe();
}
