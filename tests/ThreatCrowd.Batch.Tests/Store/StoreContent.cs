using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;

namespace ThreatCrowd.Batch.Tests.Store;

/// <summary>Puts indicators and answers into a real store through the program's own writers.</summary>
internal static class StoreContent
{
    public static long Import(SqliteConnection db, string source, DateTimeOffset at, IndicatorType type, string value, SourceKind kind = SourceKind.Csv)
    {
        using (var writer = new ImportWriter(db, source, kind, at))
        {
            writer.Add(new Indicator(type, value));
            writer.Complete();
        }

        return db.ExecuteScalar<long>("SELECT id FROM indicators WHERE type = $type AND value = $value", new { type = type.ToName(), value });
    }

    public static void Answer(SqliteConnection db, long indicatorId, int? votes, DateTimeOffset at, params Relation[] relations)
    {
        var run = new RunLog(db).Start("test", at);
        new AnswerWriter(db).SaveAnswer(indicatorId, new LookupAnswer(true, votes, null, null, null, relations, "{}"), at, run);
        new RunLog(db).Finish(run, at, "completed");
    }

    public static Relation Resolution(string ip) => new(RelationKind.Resolution, ip, "ip", null);
}
