using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Cli;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Cli;

/// <summary>
/// A first read into an empty store works without the unique index of indicators and builds it at its end. Killed
/// after its first commit, it leaves the store without the index: the committed rows must stay whole and distinct,
/// <c>status</c> must work beside that, and the next process that works on the store must build the index back.
/// </summary>
public sealed class FirstReadKillTests
{
    private const int Rows = 600_000; // three batches of 250,000 rows (the last short), so a kill can land after the first commit

    [Fact]
    public async Task A_first_read_killed_after_its_first_commit_keeps_its_rows_and_the_next_import_builds_the_index()
    {
        using var dir = new TempDirectory();
        var csv = new StringBuilder("indicator\n", Rows * 24);
        for (var i = 0; i < Rows; i++)
        {
            csv.Append("host").Append(i).Append(".badhost.ru\n");
        }

        dir.Write("in.csv", csv.ToString());
        string[] import = ["import", "--input", "in.csv", "--no-tables", "--Store:Path=store.db", "--Output:Directory=out", "--Sources:DefaultFeeds=false"];

        using (var program = ProgramProcess.Start(dir.Path, import))
        {
            await WaitForFirstCommitAsync(dir.File("store.db"), program);
            program.KillHard();
            await program.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        using (var db = Open(dir.File("store.db")))
        {
            db.ExecuteScalar<string>("PRAGMA integrity_check").ShouldBe("ok");
            HasKey(db).ShouldBeFalse("killed before the read's end, which builds the index");
            var kept = db.ExecuteScalar<long>("SELECT count(*) FROM indicators");
            kept.ShouldBeGreaterThan(0);
            kept.ShouldBeLessThan(Rows);
            db.ExecuteScalar<long>("SELECT count(DISTINCT value) FROM indicators").ShouldBe(kept);
        }

        var status = await ProgramProcess.RunAsync(dir.Path, "status", "--Store:Path=store.db", "--Sources:DefaultFeeds=false");
        status.Exit.ShouldBe(ExitCodes.Ok, status.Output + status.Error);

        var again = await ProgramProcess.RunAsync(dir.Path, import);

        again.Exit.ShouldBe(ExitCodes.Ok, again.Output + again.Error);
        using (var db = Open(dir.File("store.db")))
        {
            HasKey(db).ShouldBeTrue();
            db.ExecuteScalar<long>("SELECT count(*) FROM indicators").ShouldBe(Rows);
            db.ExecuteScalar<long>("SELECT count(DISTINCT value) FROM indicators").ShouldBe(Rows);
            db.ExecuteScalar<long>("SELECT count FROM indicator_counts WHERE type = 'domain' AND state = 'pending'").ShouldBe(Rows);
            db.ExecuteScalar<long>("SELECT min(id) FROM indicators WHERE value = 'host0.badhost.ru'").ShouldBe(1, "ids follow the file across the kill");
        }
    }

    /// <summary>Reads the store beside the import (WAL lets a reader in) until the first batch is committed.</summary>
    private static async Task WaitForFirstCommitAsync(string path, ProgramProcess program)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            program.HasExited.ShouldBeFalse("the import ended before the kill: " + program.Output + program.Error);
            if (File.Exists(path))
            {
                try
                {
                    using var db = Open(path);
                    if (db.ExecuteScalar<long>("SELECT count(*) FROM indicators") > 0)
                    {
                        return;
                    }
                }
                catch (SqliteException)
                {
                    // The store is still being created.
                }
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The import committed nothing within two minutes.");
    }

    private static SqliteConnection Open(string path)
    {
        var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=false");
        db.Open();
        return db;
    }

    private static bool HasKey(SqliteConnection db) =>
        db.ExecuteScalar<long>("SELECT count(*) FROM sqlite_schema WHERE name = 'indicators_type_value'") > 0;
}
