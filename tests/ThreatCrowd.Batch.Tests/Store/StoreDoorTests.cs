using Dapper;
using Microsoft.Data.Sqlite;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Tests.Support;

namespace ThreatCrowd.Batch.Tests.Store;

/// <summary>
/// The store as the program sees it, opened by its factory: it owns its file (and its lock), and the database's
/// errors come out of it as the program's own exceptions, whichever path (a command, a prepared statement, a
/// streamed table, an import) they arise on.
/// </summary>
public sealed class StoreDoorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_store_opened_by_the_factory_works_through_its_parts_and_locks_its_file_while_open()
    {
        using var dir = new TempDirectory();
        var settings = new StoreSettings(dir.File("store.db"));

        using (var store = StoreFactory.Open(settings, exclusive: true))
        {
            Import(store, 3);
            var run = store.Runs.Start("run", Now);
            store.Queue.Count(Now, TimeSpan.FromDays(7)).ShouldBe(3);
            store.Queue.Find(store.Queue.Load(Now, TimeSpan.FromDays(7), 1, [])[0])!.Indicator.Value.ShouldBe("host0.aoldaily.com");
            store.Tables(ExportCutoff.None).Indicators().Select(r => r.Indicator).ShouldBe(["host0.aoldaily.com", "host1.aoldaily.com", "host2.aoldaily.com"]);
            store.Runs.Get(run)!.Verb.ShouldBe("run");

            Should.Throw<StoreLockedException>(() => StoreFactory.Open(settings, exclusive: true));
        }

        using var again = StoreFactory.Open(settings, exclusive: true);
        again.Counts.CountsByTypeAndState().Sum(c => c.Count).ShouldBe(3);
    }

    [Fact]
    public void A_failed_operation_comes_out_as_the_stores_own_exception_on_every_path()
    {
        using var dir = new TempDirectory();
        var path = dir.File("store.db");
        using var store = StoreFactory.Open(new StoreSettings(path), exclusive: false);
        Import(store, 2);
        using (var other = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            other.Open();
            other.Execute("DROP TABLE rejects; DROP TABLE votes; DROP TABLE pacing;");
        }

        // Dapper's commands, a streamed table, a prepared statement's import, and a transaction's.
        Failure(() => store.Votes.PendingVotes()).ShouldContain("no such table: votes");
        Failure(() => store.Tables(ExportCutoff.None).Rejects().Count()).ShouldContain("no such table");
        Failure(() => store.Imports.BeginRead("b.csv", SourceKind.Csv, Now).Dispose()).ShouldContain("no such table: rejects");
        Failure(() => store.Pacing.RecordRequest(Now, 1)).ShouldContain("no such table: pacing");
        Failure(() => store.Votes.Queue([(new Indicator(IndicatorType.Domain, "aoldaily.com"), Verdict.Malicious)], Now)).ShouldContain("no such table: votes");
    }

    [Fact]
    public void A_damaged_file_comes_out_as_a_store_that_cannot_be_used_with_what_to_do()
    {
        using var dir = new TempDirectory();
        var path = dir.File("store.db");
        using (var store = StoreFactory.Open(new StoreSettings(path), exclusive: false))
        {
            Import(store, 3000);
        }

        using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            // The schema at the start stays readable, so the store opens; the pages of data at the end are noise.
            var half = file.Length / 2 / 4096 * 4096;
            var noise = new byte[file.Length - half];
            new Random(5).NextBytes(noise);
            file.Position = half;
            file.Write(noise);
        }

        using var damaged = StoreFactory.Open(new StoreSettings(path), exclusive: false);
        var error = Should.Throw<StoreException>(() => damaged.Tables(ExportCutoff.None).Indicators().Count());

        error.Message.ShouldContain("the store is damaged and cannot be used");
        error.Message.ShouldContain("Restore it from a backup");
    }

    private static string Failure(Func<object?> operation) => Failure(() => { _ = operation(); });

    private static string Failure(Action operation)
    {
        var error = Should.Throw<StoreFailedException>(operation);
        error.InnerException.ShouldBeOfType<SqliteException>();
        return error.Message;
    }

    private static void Import(IBatchStore store, int count)
    {
        using var writer = store.Imports.BeginRead("a.csv", SourceKind.Csv, Now);
        for (var i = 0; i < count; i++)
        {
            writer.Add(new Indicator(IndicatorType.Domain, $"host{i}.aoldaily.com"));
        }

        writer.Complete();
    }
}
