using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tests.Support;
using static ThreatCrowd.Batch.Tests.Store.StoreContent;

namespace ThreatCrowd.Batch.Tests.Store;

public sealed class ChangeDetectorTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Keep = TimeSpan.FromDays(30);

    [Fact]
    public void The_first_export_adds_every_verdict_and_related_item_and_the_same_export_again_adds_nothing()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var id = Import(db, "in.csv", Day1, IndicatorType.Domain, "aoldaily.com");
        Import(db, "in.csv", Day1, IndicatorType.Domain, "pending.com");
        Answer(db, id, null, Day1, Resolution("50.63.202.70"), Resolution("50.116.42.33"));
        var detector = new ChangeDetector(db);

        detector.Detect(ExportCutoff.None, null, Day1, Keep).ShouldBe(new ChangeCounts(3, 0));
        detector.Detect(ExportCutoff.None, null, Day1.AddHours(1), Keep).ShouldBe(new ChangeCounts(0, 0));

        History(db).ShouldBe([
            "added aoldaily.com unknown",
            "added aoldaily.com resolution 50.116.42.33",
            "added aoldaily.com resolution 50.63.202.70",
        ]);
    }

    [Fact]
    public void A_changed_answer_removes_the_old_verdict_and_dropped_items_and_adds_the_new_ones()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var id = Import(db, "in.csv", Day1, IndicatorType.Domain, "aoldaily.com");
        Answer(db, id, null, Day1, Resolution("50.63.202.70"), Resolution("50.116.42.33"));
        var detector = new ChangeDetector(db);
        detector.Detect(ExportCutoff.None, null, Day1, Keep);
        Answer(db, id, -1, Day1.AddDays(8), Resolution("50.63.202.70"), Resolution("203.0.113.77"));
        var run = new RunLog(db).Start("run", Day1.AddDays(8));

        detector.Detect(ExportCutoff.None, run, Day1.AddDays(8), Keep).ShouldBe(new ChangeCounts(2, 2));

        History(db, since: Day1.AddDays(8)).ShouldBe([
            "removed aoldaily.com unknown",
            "added aoldaily.com malicious",
            "added aoldaily.com resolution 203.0.113.77",
            "removed aoldaily.com resolution 50.116.42.33",
        ]);
        db.Query<long?>("SELECT DISTINCT run_id FROM changes WHERE detected_at = $at", new { at = UnixMs.From(Day1.AddDays(8)) }).ShouldBe([run]);
        detector.Detect(ExportCutoff.None, null, Day1.AddDays(9), Keep).ShouldBe(new ChangeCounts(0, 0));
    }

    [Fact]
    public void An_indicator_past_the_cutoff_is_removed_whole_and_added_again_when_an_input_names_it()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var id = Import(db, "in.csv", Day1, IndicatorType.Domain, "aoldaily.com");
        Answer(db, id, -1, Day1, Resolution("50.63.202.70"));
        var detector = new ChangeDetector(db);
        detector.Detect(ExportCutoff.None, null, Day1, Keep);
        var later = Day1.AddDays(10);

        detector.Detect(ExportCutoff.From(TimeSpan.FromDays(7), later), null, later, Keep).ShouldBe(new ChangeCounts(0, 2));
        Import(db, "in.csv", later, IndicatorType.Domain, "aoldaily.com");
        detector.Detect(ExportCutoff.From(TimeSpan.FromDays(7), later), null, later.AddHours(1), Keep).ShouldBe(new ChangeCounts(2, 0));

        History(db, since: later).ShouldBe([
            "removed aoldaily.com malicious",
            "removed aoldaily.com resolution 50.63.202.70",
            "added aoldaily.com malicious",
            "added aoldaily.com resolution 50.63.202.70",
        ]);
    }

    [Fact]
    public void Changes_older_than_the_keep_period_are_forgotten()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var first = Import(db, "in.csv", Day1, IndicatorType.Domain, "aoldaily.com");
        Answer(db, first, null, Day1);
        var detector = new ChangeDetector(db);
        detector.Detect(ExportCutoff.None, null, Day1, Keep);
        var second = Import(db, "in.csv", Day1.AddDays(20), IndicatorType.Domain, "cnndaily.com");
        Answer(db, second, null, Day1.AddDays(20));
        detector.Detect(ExportCutoff.None, null, Day1.AddDays(20), Keep);

        detector.Detect(ExportCutoff.None, null, Day1.AddDays(31), Keep);

        History(db).ShouldBe(["added cnndaily.com unknown"]);
    }

    private static List<string> History(SqliteConnection db, DateTimeOffset? since = null) =>
        db.Query<(string Change, string Value, long? Votes, string? Relation, string? Related)>(
            """
            SELECT c.change, i.value, c.votes, c.relation, c.related FROM changes c JOIN indicators i ON i.id = c.indicator_id
            WHERE c.detected_at >= $since ORDER BY c.id
            """,
            new { since = since is { } at ? UnixMs.From(at) : long.MinValue })
            .Select(c => c.Relation is null
                ? $"{c.Change} {c.Value} {CrowdVerdict.FromVotes((int?)c.Votes)}"
                : $"{c.Change} {c.Value} {c.Relation} {c.Related}")
            .ToList();
}
