using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Tables;

namespace ThreatCrowd.Batch.Tests.Runs;

/// <summary>
/// Every file a run writes, built from the real fixtures by the real pipeline, against the files under
/// Tables/Golden/pipeline (UPDATE_GOLDEN_FILES=1 rewrites them; review the diff), with the store in a SQLite file
/// and in PostgreSQL alike: the two stores write the same files byte for byte.
/// </summary>
public abstract class ExportGoldenTests(FixtureExport run)
{
    private const string GoldenFolder = "pipeline";

    private static readonly string[] Golden =
    [
        "threatcrowd_indicators.csv", "threatcrowd_indicators.json",
        "threatcrowd_relations.csv", "threatcrowd_relations.json",
        "threatcrowd_changes.csv", "threatcrowd_changes.json",
        "threatcrowd_ip_intel.csv", "threatcrowd_domain_intel.csv", "threatcrowd_file_intel.csv", "threatcrowd_email_intel.csv",
        "rejects.csv",
        "hec/threatcrowd_indicators.json", "hec/threatcrowd_relations.json", "hec/threatcrowd_changes.json",
        "splunk/TA-threatcrowd/default/app.conf", "splunk/TA-threatcrowd/default/props.conf",
        "splunk/TA-threatcrowd/default/transforms.conf", "splunk/TA-threatcrowd/default/inputs.conf",
        "splunk/TA-threatcrowd/metadata/default.meta", "splunk/TA-threatcrowd/README.txt",
    ];

    private static readonly string[] LookupTables = ["changes", "domain_intel", "email_intel", "file_intel", "indicators", "ip_intel", "relations"];

    public static TheoryData<string> GoldenFiles() => [.. Golden];

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void The_file_matches_its_golden_file(string file)
    {
        run.Result.Exit.ShouldBe(ExitCodes.Ok, run.Result.ToString());

        run.Normalized(file).ShouldMatchGoldenText(GoldenFolder + "/" + file);
    }

    [Fact]
    public void The_run_writes_exactly_the_golden_files_the_lookup_copies_and_the_package_and_no_temporary_file()
    {
        var lookups = LookupTables.Select(t => $"splunk/TA-threatcrowd/lookups/threatcrowd_{t}.csv");

        run.Files().ShouldBe([.. Golden.Concat(lookups).Append("splunk/TA-threatcrowd.tgz").Order(StringComparer.Ordinal)]);
    }
}

/// <summary>The golden files from a run on the SQLite store.</summary>
public sealed class SqliteExportGoldenTests(FixtureExport run) : ExportGoldenTests(run), IClassFixture<FixtureExport>;

/// <summary>The same golden files from a run on the PostgreSQL store.</summary>
public sealed class PostgresExportGoldenTests(PostgresFixtureExport run) : ExportGoldenTests(run), IClassFixture<PostgresFixtureExport>
{
    [Fact]
    public void The_run_kept_its_store_in_postgresql_and_wrote_no_sqlite_file()
    {
        run.StoredIndicators.ShouldBeGreaterThan(5);
        File.Exists(run.Harness.StorePath).ShouldBeFalse();
    }
}
