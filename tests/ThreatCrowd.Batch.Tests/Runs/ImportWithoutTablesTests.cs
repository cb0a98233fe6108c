using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Runs;

/// <summary><c>import --no-tables</c> only reads: the tables stay as they were until a run or an export writes them.</summary>
public sealed class ImportWithoutTablesTests
{
    [Fact]
    public async Task Lists_imported_without_the_tables_are_stored_and_appear_with_the_next_export()
    {
        await using var h = await PipelineHarness.StartAsync();
        var first = h.Dir.Write("first.csv", "indicator\nfirst-list.badhost.ru\n");
        var second = h.Dir.Write("second.csv", "indicator\nsecond-list.badhost.ru\n");

        var one = await h.RunAsync("import", "--input", first, "--Sources:DefaultFeeds=false", "--no-tables");
        var two = await h.RunAsync("import", "--input", second, "--Sources:DefaultFeeds=false", "--no-tables");

        one.Exit.ShouldBe(ExitCodes.Ok, one.ToString());
        two.Exit.ShouldBe(ExitCodes.Ok, two.ToString());
        two.Output.ShouldContain("./run.sh export writes them");
        File.Exists(Path.Combine(h.OutputDirectory, "threatcrowd_indicators.csv")).ShouldBeFalse();

        var export = await h.RunAsync("export");

        export.Exit.ShouldBe(ExitCodes.Ok, export.ToString());
        h.Table("threatcrowd_indicators.csv").ShouldContain("first-list.badhost.ru,domain,pending,");
        h.Table("threatcrowd_indicators.csv").ShouldContain("second-list.badhost.ru,domain,pending,");
    }

    [Fact]
    public void No_tables_belongs_to_import_only() =>
        Should.Throw<UsageException>(() => CommandArguments.Parse(["run", "--no-tables"])).Message.ShouldContain("--no-tables");
}
