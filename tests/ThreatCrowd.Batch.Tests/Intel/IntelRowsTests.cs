using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Intel;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Sqlite;
using ThreatCrowd.Batch.Tables;
using ThreatCrowd.Batch.Tests.Support;
using static ThreatCrowd.Batch.Tests.Store.StoreContent;

namespace ThreatCrowd.Batch.Tests.Intel;

public sealed class IntelRowsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);

    private static IntelCollection Ips => IntelCollection.All.Single(c => c.Type == IndicatorType.Ip);

    private static IntelCollection Domains => IntelCollection.All.Single(c => c.Type == IndicatorType.Domain);

    [Fact]
    public void The_weight_follows_the_evidence_and_indicators_the_crowd_does_not_flag_are_left_out()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        Answer(db, Import(db, "in.csv", Now, IndicatorType.Ip, "198.51.99.1"), -1, Now, Resolution("a.example.org"));
        Answer(db, Import(db, "feed:ips", Now, IndicatorType.Ip, "198.51.99.2", SourceKind.Feed), null, Now);
        Answer(db, Import(db, "feed:ips", Now, IndicatorType.Ip, "198.51.99.3", SourceKind.Feed), -1, Now);
        Answer(db, Import(db, "in.csv", Now, IndicatorType.Ip, "198.51.99.4"), 1, Now);
        Answer(db, Import(db, "in.csv", Now, IndicatorType.Ip, "198.51.99.5"), 0, Now);
        Import(db, "feed:ips", Now, IndicatorType.Ip, "198.51.99.6", SourceKind.Feed);

        var rows = Rows(db, new EnterpriseSecurityOptions(), Ips);

        rows.ShouldBe([
            new IntelRow("ThreatCrowd: voted malicious; 1 resolution", "198.51.99.1", 80),
            new IntelRow("ThreatCrowd: in the crowd-sourced feed", "198.51.99.2", 70),
            new IntelRow("ThreatCrowd: voted malicious; in the crowd-sourced feed", "198.51.99.3", 90),
            new IntelRow("ThreatCrowd: in the crowd-sourced feed; not looked up yet", "198.51.99.6", 70),
        ]);
    }

    [Fact]
    public void A_flagged_ipv6_address_is_listed_in_the_ip_file_beside_ipv4_ones()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        Answer(db, Import(db, "feed:ips", Now, IndicatorType.Ip, "2a01:4f8:1:2::15", SourceKind.Feed), null, Now);
        Answer(db, Import(db, "feed:ips", Now, IndicatorType.Ip, "198.51.99.2", SourceKind.Feed), null, Now);

        var rows = Rows(db, new EnterpriseSecurityOptions(), Ips);

        rows.Select(r => r.Value).ShouldBe(["2a01:4f8:1:2::15", "198.51.99.2"]);
    }

    [Fact]
    public void The_description_sums_up_the_answer_and_a_file_is_listed_under_each_of_its_hashes()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        var file = Import(db, "feed:hashes", Now, IndicatorType.File, "ec8c89aa5e521572c74e2dd02a4daf78", SourceKind.Feed);
        var run = new RunLog(db).Start("test", Now);
        new AnswerWriter(db).SaveAnswer(
            file,
            new LookupAnswer(true, null, null, "ec8c89aa5e521572c74e2dd02a4daf78", "01f5c3905f2098650f16f50a1b26156586238bfe",
                [new Relation(RelationKind.Domain, "ks.aoldaily.com", "domain", null), new Relation(RelationKind.Scan, "APT1.A", "antivirus", null), new Relation(RelationKind.Scan, "Trojan.Win32.Cossta", "antivirus", null)],
                "{}"),
            Now,
            run);

        var rows = Rows(db, new EnterpriseSecurityOptions(), IntelCollection.All.Single(c => c.Type == IndicatorType.File));

        rows.Select(r => r.Value).ShouldBe(["ec8c89aa5e521572c74e2dd02a4daf78", "01f5c3905f2098650f16f50a1b26156586238bfe"]);
        rows[0].Description.ShouldBe("ThreatCrowd: in the crowd-sourced feed; 1 domain, 2 antivirus detections");
    }

    [Fact]
    public void Related_items_come_only_when_asked_once_each_and_never_private_excluded_or_already_listed()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        Answer(db, Import(db, "feed:domains", Now, IndicatorType.Domain, "aoldaily.com", SourceKind.Feed), null, Now,
            Resolution("50.63.202.70"), Resolution("10.0.0.1"), Resolution("198.51.99.3"), Resolution("192.0.2.99"), Resolution("203.0.113.5"));
        Answer(db, Import(db, "in.csv", Now, IndicatorType.Domain, "cnndaily.com"), -1, Now, Resolution("50.63.202.70"));
        Answer(db, Import(db, "in.csv", Now, IndicatorType.Domain, "google.com"), 1, Now, Resolution("74.125.230.68"));
        Answer(db, Import(db, "feed:ips", Now, IndicatorType.Ip, "198.51.99.3", SourceKind.Feed), null, Now);
        var options = new EnterpriseSecurityOptions { IncludeRelated = true };

        var rows = Rows(db, options, Ips, exclude: ["198.51.99.0/24"]);
        var without = Rows(db, new EnterpriseSecurityOptions(), Ips, exclude: ["198.51.99.0/24"]);

        rows.ShouldBe([
            new IntelRow(
                "ThreatCrowd: related to aoldaily.com (resolution), in the crowd-sourced feed, and to 1 more flagged indicator", "50.63.202.70", 40),
        ]);
        without.ShouldBeEmpty("198.51.99.3 is flagged but excluded");
    }

    [Fact]
    public void A_related_item_flagged_itself_keeps_only_its_own_row()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        Answer(db, Import(db, "in.csv", Now, IndicatorType.Ip, "198.51.99.9"), -1, Now, new Relation(RelationKind.Resolution, "EVIL-SITE.INFO", "domain", null));
        Answer(db, Import(db, "feed:domains", Now, IndicatorType.Domain, "evil-site.info", SourceKind.Feed), null, Now);
        Answer(db, Import(db, "in.csv", Now, IndicatorType.Ip, "198.51.99.10"), -1, Now, new Relation(RelationKind.Resolution, "Bad-Site.Info", "domain", null));

        var rows = Rows(db, new EnterpriseSecurityOptions { IncludeRelated = true }, Domains);

        rows.Select(r => (r.Value, r.Weight)).ShouldBe([("evil-site.info", 70), ("bad-site.info", 40)]);
        rows[1].Description.ShouldBe("ThreatCrowd: related to 198.51.99.10 (resolution), voted malicious");
    }

    [Fact]
    public void Related_values_no_input_would_be_let_in_as_never_reach_the_intel_files()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        Answer(db, Import(db, "feed:ips", Now, IndicatorType.Ip, "198.51.99.9", SourceKind.Feed), null, Now,
            new Relation(RelationKind.Resolution, "../x.traversal.com", "domain", null),
            new Relation(RelationKind.Resolution, "evil\u202Emoc.live", "domain", null),
            new Relation(RelationKind.Resolution, "new\nline.com", "domain", null),
            new Relation(RelationKind.Resolution, "sub.local", "domain", null),
            new Relation(RelationKind.Resolution, "good-site.info", "domain", null),
            new Relation(RelationKind.Hash, "C:\\Windows\\evil.exe", "file", null),
            new Relation(RelationKind.Hash, "ec8c89aa5e521572c74e2dd02a4daf78", "file", null));
        Answer(db, Import(db, "feed:domains", Now, IndicatorType.Domain, "bad-site.info", SourceKind.Feed), null, Now,
            new Relation(RelationKind.Email, "'=x@y.com", "email", null),
            new Relation(RelationKind.Email, "=cmd|' /C calc'!A0@y.com", "email", null),
            new Relation(RelationKind.Email, "admin@good-site.info", "email", null));
        var options = new EnterpriseSecurityOptions { IncludeRelated = true };

        Rows(db, options, Domains).Select(r => r.Value).ShouldBe(["bad-site.info", "good-site.info"]);
        Rows(db, options, IntelCollection.All.Single(c => c.Type == IndicatorType.File)).Select(r => r.Value)
            .ShouldBe(["ec8c89aa5e521572c74e2dd02a4daf78"]);
        Rows(db, options, IntelCollection.All.Single(c => c.Type == IndicatorType.Email)).Select(r => r.Value)
            .ShouldBe(["admin@good-site.info"]);
    }

    [Fact]
    public void Indicators_past_the_cutoff_are_not_listed()
    {
        using var dir = new TempDirectory();
        using var db = StoreDatabase.Open(dir.File("store.db"));
        Answer(db, Import(db, "in.csv", Now, IndicatorType.Ip, "198.51.99.1"), -1, Now);
        Answer(db, Import(db, "in.csv", Now.AddDays(5), IndicatorType.Ip, "198.51.99.2"), -1, Now);

        var rows = Rows(db, new EnterpriseSecurityOptions(), Ips, cutoff: ExportCutoff.From(TimeSpan.FromDays(7), Now.AddDays(10)));

        rows.Select(r => r.Value).ShouldBe(["198.51.99.2"]);
    }

    private static List<IntelRow> Rows(
        SqliteConnection db, EnterpriseSecurityOptions options, IntelCollection collection, string[]? exclude = null, ExportCutoff? cutoff = null) =>
        new IntelRows(new IntelQueries(db, cutoff ?? ExportCutoff.None), options, new LookupGuard(exclude ?? [])).For(collection).ToList();
}
