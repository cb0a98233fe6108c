namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// How the writers that create indicators keep <c>indicator_counts</c> (schema 7): no trigger counts an inserted
/// row, so each adds what it created, in the transaction that created it. Every new indicator is pending.
/// </summary>
internal static class CreatedCounts
{
    /// <summary>Adds ?2 pending indicators of type ?1; for a <see cref="PreparedStatement"/>.</summary>
    public const string AddPendingSql =
        "INSERT INTO indicator_counts (type, state, count) VALUES (?1, 'pending', ?2) ON CONFLICT (type, state) DO UPDATE SET count = count + excluded.count";
}
