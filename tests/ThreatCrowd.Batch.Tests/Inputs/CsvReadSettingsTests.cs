using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Inputs;
using ThreatCrowd.Batch.Runs;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Inputs;

public sealed class CsvReadSettingsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Named_columns_are_the_only_ones_read()
    {
        var path = _directory.Write("in.csv", "indicator,other_host\nevil.com,bad.org\n");

        var entries = new CsvIndicatorReader().Read(path, new CsvReadSettings(["other_host"], null, null, false)).ToList();

        entries.Select(entry => entry.Value).ShouldBe(["bad.org"]);
    }

    [Fact]
    public void A_type_applies_to_every_value_and_overrides_the_type_column()
    {
        var path = _directory.Write("in.csv", "indicator,type\nplugx,domain\n");

        var entries = new CsvIndicatorReader().Read(path, new CsvReadSettings([], "antivirus", null, false)).ToList();

        entries.Select(entry => (entry.Value, entry.TypeHint)).ShouldBe([("plugx", "antivirus")]);
    }

    [Fact]
    public void A_header_line_is_taken_as_given_and_columns_by_number_without_a_header()
    {
        var path = _directory.Write("in.csv", "exported by the proxy\nwhen,host\n2024-01-01,evil.com\n");
        var headerless = _directory.Write("plain.csv", "2024-01-01,evil.com,x\n");

        new CsvIndicatorReader().Read(path, new CsvReadSettings([], null, 2, false)).Select(entry => (entry.Line, entry.Value)).ShouldBe([(3L, "evil.com")]);
        new CsvIndicatorReader().Read(headerless, new CsvReadSettings(["2"], null, 0, false)).Select(entry => entry.Value).ShouldBe(["evil.com"]);
    }

    [Fact]
    public void The_first_matching_entry_of_sources_files_applies_by_path_or_pattern()
    {
        var sources = new SourcesOptions
        {
            Files = [new FileReadOptions { Path = "exports/misp-*.csv", Type = "Domain" }, new FileReadOptions { Path = "*.csv", HeaderLine = 0 }],
            MispToIdsOnly = true,
        };

        CsvReadSettingsFor.File("exports/misp-1.csv", sources).ShouldBe(new CsvReadSettings([], "domain", null, true), new SettingsComparer());
        CsvReadSettingsFor.File("other.csv", sources).HeaderLine.ShouldBe(0);
        CsvReadSettingsFor.File("other.txt", sources).ShouldBe(CsvReadSettings.Detect with { MispToIdsOnly = true });
    }

    private sealed class SettingsComparer : IEqualityComparer<CsvReadSettings>
    {
        public bool Equals(CsvReadSettings? x, CsvReadSettings? y) =>
            x!.Columns.SequenceEqual(y!.Columns) && x.Type == y.Type && x.HeaderLine == y.HeaderLine && x.MispToIdsOnly == y.MispToIdsOnly;

        public int GetHashCode(CsvReadSettings obj) => 0;
    }
}
