using System.Diagnostics;
using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Inputs;
using ThreatCrowd.Batch.Runs;
using ThreatCrowd.Batch.Store;
using ThreatCrowd.Batch.Store.Postgres;

namespace ThreatCrowd.Batch.Bench.Suites;

/// <summary>
/// The measured side of the postgres suite, run as a child process of the bench (<c>postgres-import CSV CONNECTION</c>):
/// the import's own path, from the CSV file through the classifier into the PostgreSQL store by binary COPY, without
/// the tables the import verb writes afterwards. A process of its own so its peak RSS is measured alone.
/// </summary>
internal static class PostgresImportChild
{
    public const string Verb = "postgres-import";

    public static int Run(string csv, string connectionString)
    {
        var clock = Stopwatch.StartNew();
        using var store = PostgresDatabase.Open(connectionString);
        var reader = new ClassifyingReader(new IndicatorClassifier(), new SendGuard([]));
        using var writer = new PostgresImportWriter(store, csv, SourceKind.Csv, DateTimeOffset.UtcNow);
        foreach (var batch in reader.Read(new CsvIndicatorReader().Read(csv), CancellationToken.None))
        {
            foreach (var item in batch)
            {
                if (item.Indicator is { } indicator)
                {
                    writer.Add(indicator, item.Context);
                }
                else if (item.Skipped is null)
                {
                    writer.Reject(item.Line, item.Value, item.RejectReason!);
                }
            }
        }

        writer.Complete();
        Console.WriteLine($"{writer.Accepted} accepted, {writer.Duplicates} repeated, {writer.Rejected} rejected in {clock.Elapsed.TotalSeconds:F2} s");
        return 0;
    }
}
