using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;
using ThreatCrowd.Batch.Tests.Tables;
using ThreatCrowd.StandIn;

namespace ThreatCrowd.Batch.Tests.Cli;

/// <summary>
/// The real program killed with SIGKILL at random moments (import, lookups, export, between runs), again and again,
/// then let finish: nothing answered may be lost, at most the request in flight asked again, the store intact after
/// every kill, every table whole after every kill, and the final tables those of a run that was never interrupted.
/// </summary>
public sealed class KillAndResumeTests
{
    private const int Kills = 20;

    [Fact]
    public async Task Twenty_hard_kills_lose_nothing_and_end_with_the_tables_of_an_uninterrupted_run()
    {
        await using var server = await StandInServer.StartAsync(new StandInOptions(Fixtures.Directory), CancellationToken.None);
        using var reference = new TempDirectory();
        using var killed = new TempDirectory();
        var csv = "indicator\naoldaily.com\n188.40.75.132\nwilliam19770319@yahoo.com\nec8c89aa5e521572c74e2dd02a4daf78\ngoogle.com\n"
            + string.Join('\n', Enumerable.Range(0, 45).Select(i => $"host{i}.unknown-{i % 7}.org")) + "\n10.0.0.1\n";
        reference.Write("in.csv", csv);
        killed.Write("in.csv", csv);
        string[] args = ["run", "--input", "in.csv", "--Store:Path=store.db", "--Output:Directory=out", "--Sources:DefaultFeeds=false",
            "--ThreatCrowd:BaseUrl=" + server.ApiBaseUrl, "--ThreatCrowd:RequestInterval=00:00:00.030"];

        var whole = await ProgramProcess.RunAsync(reference.Path, args);
        whole.Exit.ShouldBe(ExitCodes.Ok, whole.Output + whole.Error);
        var requestsBefore = server.Requests.Count;

        var random = new Random(20261122);
        var kills = 0;
        for (var attempt = 0; kills < Kills && attempt < Kills * 3; attempt++)
        {
            using var program = ProgramProcess.Start(killed.Path, args);
            await Task.Delay(random.Next(40, 700));
            if (!program.HasExited)
            {
                program.KillHard();
                kills++;
            }

            await program.WaitForExitAsync(TimeSpan.FromSeconds(30));
            AssertStoreIntact(killed.File("store.db"));
            AssertEveryTableWhole(killed.File("out"));
        }

        kills.ShouldBeGreaterThanOrEqualTo(Kills, "each kill must land on a running process");

        var last = await ProgramProcess.RunAsync(killed.Path, args);
        last.Exit.ShouldBe(ExitCodes.Ok, last.Output + last.Error);

        var asked = server.Requests.Skip(requestsBefore).Where(r => r.Path.Contains("/report", StringComparison.Ordinal)).GroupBy(r => r.Query);
        asked.Count().ShouldBe(50);
        asked.Max(g => g.Count()).ShouldBeLessThanOrEqualTo(2, "only the request in flight at a kill is asked again");
        foreach (var table in new[] { "threatcrowd_indicators.csv", "threatcrowd_relations.csv", "rejects.csv", "threatcrowd_indicators.json", "threatcrowd_relations.json" })
        {
            WithoutTimes(killed.File("out/" + table)).ShouldBe(WithoutTimes(reference.File("out/" + table)), table);
        }

        Directory.EnumerateFiles(killed.File("out"), ".*.tmp").ShouldBeEmpty("a later export removes what a killed one left");
    }

    private static void AssertStoreIntact(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var db = new SqliteConnection($"Data Source={path};Pooling=false");
        db.Open();
        db.ExecuteScalar<string>("PRAGMA integrity_check").ShouldBe("ok");
    }

    private static void AssertEveryTableWhole(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var csv in Directory.EnumerateFiles(folder, "*.csv"))
        {
            var text = File.ReadAllText(csv);
            text.ShouldEndWith("\n", customMessage: csv);
            Should.NotThrow(() => StrictCsv.Read(csv), csv);
        }

        foreach (var json in Directory.EnumerateFiles(folder, "*.json"))
        {
            foreach (var line in File.ReadLines(json))
            {
                Should.NotThrow(() => JsonDocument.Parse(line).Dispose(), json);
            }
        }
    }

    /// <summary>The table without the columns that hold wall-clock times, which two runs cannot share.</summary>
    private static string WithoutTimes(string path)
    {
        string[] timeColumns = ["first_imported_at", "looked_up_at", "time"];
        if (path.EndsWith(".json", StringComparison.Ordinal))
        {
            return string.Join('\n', File.ReadLines(path).Select(line =>
            {
                var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(line)!;
                return string.Join('|', fields.Where(f => !timeColumns.Contains(f.Key)).Select(f => $"{f.Key}={f.Value}"));
            }));
        }

        var (header, records) = StrictCsv.Read(path);
        var keep = Enumerable.Range(0, header.Length).Where(i => !timeColumns.Contains(header[i])).ToArray();
        return string.Join('\n', records.Prepend(header).Select(r => string.Join('|', keep.Select(i => r[i]))));
    }
}
