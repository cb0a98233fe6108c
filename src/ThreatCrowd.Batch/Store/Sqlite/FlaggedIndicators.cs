using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>Whether an indicator is flagged apart from the crowd's votes: named by a feed, or voted malicious by the analysts.</summary>
internal sealed class FlaggedIndicators(SqliteConnection connection)
{
    public bool IsFlagged(long indicatorId, Indicator indicator) =>
        connection.ExecuteScalar<bool>(
            $"""
            SELECT EXISTS (SELECT 1 FROM provenance p JOIN sources s ON s.id = p.source_id WHERE p.indicator_id = $indicatorId AND s.kind = 'feed')
                OR EXISTS (SELECT 1 FROM votes WHERE type = $type AND value = $value AND verdict = '{VerdictNames.Malicious}' AND state = '{VoteStateNames.Sent}')
            """,
            new { indicatorId, type = indicator.Type.ToName(), value = indicator.Value });
}
