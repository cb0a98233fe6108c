using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Store;

/// <summary>An indicator taken from the queue, with the state it was in when taken and its pivot depth (0: an input).</summary>
internal sealed record QueuedIndicator(long Id, Indicator Indicator, IndicatorState State, int Depth = 0)
{
    public static QueuedIndicator? Load(SqliteConnection connection, long id)
    {
        var row = connection.QuerySingleOrDefault<(string Type, string Value, string State, int Depth)>(
            "SELECT type, value, state, depth FROM indicators WHERE id = $id", new { id });
        return row.Type is not null && IndicatorTypeNames.TryParse(row.Type, out var type)
            ? new QueuedIndicator(id, new Indicator(type, row.Value), IndicatorStateNames.Parse(row.State), row.Depth)
            : null;
    }
}
