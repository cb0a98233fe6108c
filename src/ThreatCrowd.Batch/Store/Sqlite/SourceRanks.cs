using Dapper;
using Microsoft.Data.Sqlite;

namespace ThreatCrowd.Batch.Store.Sqlite;

/// <summary>
/// Puts Sources:Priorities (handed in as plain patterns and ranks) into a temporary table of the connection, one rank per known source (the highest of the
/// entries that match its name). Ranks live in configuration, not in the store, so changing them re-ranks the
/// queue at the next run without rewriting anything.
/// </summary>
internal static class SourceRanks
{
    public const string Table = "temp.source_rank";

    public static bool Load(SqliteConnection connection, IReadOnlyList<(string Pattern, int Priority)> priorities)
    {
        connection.Execute($"CREATE TEMP TABLE IF NOT EXISTS source_rank (source_id INTEGER PRIMARY KEY, rank INTEGER NOT NULL); DELETE FROM {Table};");
        if (priorities.Count == 0)
        {
            return false;
        }

        var patterns = priorities.Select(p => (Pattern: new WildcardPattern(p.Pattern.Trim()), p.Priority)).ToList();
        foreach (var (id, name) in connection.Query<(long, string)>("SELECT id, name FROM sources"))
        {
            var matching = patterns.Where(p => p.Pattern.Matches(name)).Select(p => p.Priority).ToList();
            if (matching.Count > 0)
            {
                connection.Execute($"INSERT INTO {Table} (source_id, rank) VALUES ($id, $rank)", new { id, rank = matching.Max() });
            }
        }

        return true;
    }
}
