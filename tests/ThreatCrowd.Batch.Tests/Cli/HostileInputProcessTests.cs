using System.Text;
using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Cli;

/// <summary>The real program on inputs that would hang it: each run under a time limit of its own.</summary>
[Collection(TimedProcesses.Name)]
public sealed class HostileInputProcessTests
{
    [Fact]
    public async Task A_fifo_dropped_into_a_globbed_folder_is_refused_by_name_and_the_rest_is_imported()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.csv", "domain\naoldaily.com\n");
        var fifo = SpecialFiles.Fifo(dir.File("in/b.csv"));
        try
        {
            using var program = ProgramProcess.Start(dir.Path, "import", "--input", "in/*.csv", "--Store:Path=store.db", "--Output:Directory=out",
                "--Sources:DefaultFeeds=false");
            var exit = await program.WaitForExitAsync(TimeSpan.FromSeconds(60));

            exit.ShouldBe(ExitCodes.Ok, program.Output + program.Error);
            File.ReadAllText(dir.File("out/rejects.csv")).ShouldContain($"\"\"{fifo}\"\": not a regular file");
            File.ReadAllText(dir.File("out/threatcrowd_indicators.csv")).ShouldContain("aoldaily.com");
        }
        finally
        {
            SpecialFiles.Release(fifo);
        }
    }

    [Theory]
    [InlineData("import", "import interrupted")]
    [InlineData("run", "interrupted")]
    public async Task Sigterm_during_a_large_import_stops_within_seconds_says_what_was_kept_and_frees_the_store(string verb, string said)
    {
        using var dir = new TempDirectory();
        var rows = new StringBuilder("domain\n", 40 * 1024 * 1024);
        for (var i = 0; i < 2_000_000; i++)
        {
            rows.Append("host").Append(i).Append(".aoldaily.com\n");
        }

        dir.Write("big.csv", rows.ToString());
        // No lookup is ever sent: the signal comes during the import, and the service named is unreachable anyway.
        string[] settings = ["--Store:Path=store.db", "--Output:Directory=out", "--Sources:DefaultFeeds=false", "--ThreatCrowd:BaseUrl=http://127.0.0.1:9/searchApi/v2/"];
        using var program = ProgramProcess.Start(dir.Path, [verb, "--input", "big.csv", .. settings]);
        await WaitForFileAsync(dir.File("store.db"), program);
        await Task.Delay(TimeSpan.FromSeconds(1));
        program.HasExited.ShouldBeFalse("the import ended before the signal; the test needs a larger file");

        program.Signal(15);
        var exit = await program.WaitForExitAsync(TimeSpan.FromSeconds(20));

        exit.ShouldBe(ExitCodes.Interrupted, program.Output + program.Error);
        program.Error.ShouldNotContain("before any work began");
        (program.Output + program.Error).ShouldContain(said);
        (program.Output + program.Error).ShouldContain("stopped while reading big.csv");
        File.Exists(dir.File("out/threatcrowd_indicators.csv")).ShouldBeTrue();
        var status = await ProgramProcess.RunAsync(dir.Path, ["status", .. settings]);
        status.Exit.ShouldBe(ExitCodes.Ok, status.Output + status.Error);
    }

    private static async Task WaitForFileAsync(string path, ProgramProcess program)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(path))
        {
            if (program.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{path} never appeared.\n{program.Output}\n{program.Error}");
            }

            await Task.Delay(20);
        }
    }
}
