using System.Diagnostics;
using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Cli;

/// <summary>What the operator is told about a damaged or read-only store, and how many indicators an import read.</summary>
public sealed class StoreProblemTests
{
    [Fact]
    public async Task A_store_with_a_corrupt_page_exits_5_as_unusable_not_1()
    {
        await using var h = await PipelineHarness.StartAsync();
        var input = h.Dir.Write("in.csv", "domain\n" + string.Join('\n', Enumerable.Range(0, 3000).Select(i => $"host{i}.aoldaily.com")) + "\n");
        (await h.RunAsync("import", "--input", input)).Exit.ShouldBe(ExitCodes.Ok);
        using (var store = new FileStream(h.StorePath, FileMode.Open, FileAccess.ReadWrite))
        {
            // The first half (the header, the schema) stays readable, so the store opens; the pages of data at the
            // end, which reading the tables needs, are noise.
            var half = store.Length / 2 / 4096 * 4096;
            var noise = new byte[store.Length - half];
            new Random(5).NextBytes(noise);
            store.Position = half;
            store.Write(noise);
        }

        var export = await h.RunAsync("export");

        export.Exit.ShouldBe(ExitCodes.StoreUnusable, export.ToString());
        export.Error.ShouldContain("the store is damaged and cannot be used");
        export.Error.ShouldContain("Restore it from a backup");
    }

    [Fact]
    public async Task Imported_indicators_are_counted_once_however_often_and_wherever_they_are_named()
    {
        await using var h = await PipelineHarness.StartAsync();
        var first = h.Dir.Write("a.csv", "domain\naoldaily.com\naoldaily.com\n");
        var second = h.Dir.Write("b.csv", "domain\naoldaily.com\ngoogle.com\n");

        var result = await h.RunAsync("import", "--input", first, "--input", second);

        result.Exit.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Output.ShouldContain("imported 2 indicators from 2 sources (2 repeats, 0 rejects)");
    }

    [Fact]
    public async Task A_store_on_a_read_only_filesystem_is_not_said_to_be_in_use_by_another_process()
    {
        using var dir = new TempDirectory();
        dir.Write("in.csv", "domain\naoldaily.com\n");
        string[] settings = ["--Store:Path=store.db", "--Output:Directory=out", "--Sources:DefaultFeeds=false"];
        (await ProgramProcess.RunAsync(dir.Path, ["import", "--input", "in.csv", .. settings])).Exit.ShouldBe(ExitCodes.Ok);

        // The folder made read-only by a bind mount in a mount namespace of the child's own: as root, file modes
        // alone would not stop a write. The program runs inside it, through the same launcher as every process test.
        var program = ProgramProcess.CommandLine(["import", "--input", "in.csv", .. settings]);
        var script = $"mount --bind '{dir.Path}' '{dir.Path}' && mount -o remount,bind,ro '{dir.Path}' && cd '{dir.Path}' && exec {program}";
        var start = new ProcessStartInfo("unshare", ["-m", "sh", "-c", script]) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        error.ShouldNotContain("in use by another process");
        error.ShouldContain("Read-only file system");
        error.ShouldContain("make its folder writable");
        process.ExitCode.ShouldBe(ExitCodes.StoreUnusable, error);
    }
}
