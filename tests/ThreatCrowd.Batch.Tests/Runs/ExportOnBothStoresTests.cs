using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Runs;

/// <summary>
/// Several runs and exports over the real fixtures, the same steps on a SQLite file and on PostgreSQL: every file
/// written is the same byte for byte after each step, the changes table through additions, an answer that aged out
/// (Output:MaxAge) and came back, and the history pruned (Output:ChangesKeep).
/// </summary>
[Collection(PostgresTests.Name)]
public sealed class ExportOnBothStoresTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Every_file_of_every_export_is_the_same_from_both_stores()
    {
        await using var sqlite = await PipelineHarness.StartAsync();
        await using var postgres = await PipelineHarness.StartAsync(await cluster.CreateDatabaseAsync(icuLocale: "en-US"));
        var steps = new Func<PipelineHarness, Task<RunOutput>>[]
        {
            h => h.RunAsync("run", "--input", h.Dir.Write("input/first.csv", "indicator\naoldaily.com\n188.40.75.132\nnot an indicator\n"), "--Output:EnterpriseSecurity:IncludeRelated=true"),
            h =>
            {
                h.Clock.Advance(TimeSpan.FromDays(8));
                return h.RunAsync("run", "--input", h.Dir.Write("input/second.csv", "indicator\nplugx,antivirus\nwilliam19770319@yahoo.com\nec8c89aa5e521572c74e2dd02a4daf78\n"), "--Output:MaxAge=7.00:00:00", "--Output:EnterpriseSecurity:IncludeRelated=true");
            },
            h =>
            {
                h.Clock.Advance(TimeSpan.FromDays(1));
                return h.RunAsync("run", "--input", h.Dir.File("input/first.csv"), "--Output:MaxAge=7.00:00:00", "--Lookup:RefreshAfter=00:00:00");
            },
            h =>
            {
                h.Clock.Advance(TimeSpan.FromDays(40));
                return h.RunAsync("export", "--Output:ChangesKeep=30.00:00:00", "--Output:MaxAge=00:00:00");
            },
        };

        var changes = new List<string>();
        for (var step = 0; step < steps.Length; step++)
        {
            var expected = await steps[step](sqlite);
            var actual = await steps[step](postgres);

            expected.Exit.ShouldBe(ExitCodes.Ok, expected.ToString());
            actual.Exit.ShouldBe(ExitCodes.Ok, actual.ToString());
            var files = Files(sqlite);
            Files(postgres).ShouldBe(files, $"step {step + 1}");
            foreach (var file in files.Where(f => !f.EndsWith(".tgz", StringComparison.Ordinal)))
            {
                Normalized(postgres, file).ShouldBe(Normalized(sqlite, file), $"step {step + 1}: {file}");
            }

            changes.Add(Normalized(sqlite, "threatcrowd_changes.csv"));
        }

        changes[1].ShouldContain("removed,aoldaily.com,domain,,,,", Case.Sensitive, "aged out past Output:MaxAge");
        changes[2].Split('\n').Count(line => line.StartsWith("added,aoldaily.com,domain,,,,", StringComparison.Ordinal)).ShouldBe(2, "added, and added again when named anew");
        changes[3].Trim().Split('\n').ShouldHaveSingleItem("every change is older than Output:ChangesKeep: the header alone");
    }

    private static List<string> Files(PipelineHarness h) =>
        [.. Directory.GetFiles(h.OutputDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(h.OutputDirectory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)];

    private static string Normalized(PipelineHarness h, string file) =>
        File.ReadAllText(Path.Combine(h.OutputDirectory, file))
            .Replace(h.Dir.Path, "{dir}", StringComparison.Ordinal)
            .Replace(h.Server.Root.ToString().TrimEnd('/'), "{stand-in}", StringComparison.Ordinal);
}
