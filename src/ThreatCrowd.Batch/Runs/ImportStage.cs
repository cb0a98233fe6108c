using System.Globalization;
using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Inputs;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Runs;

/// <summary>
/// Reads every configured source into the store: CSV files (Sources:CsvFiles and --input), then the feeds. Each
/// value is classified and checked against what the API must never see; whatever is not stored as an indicator is
/// stored as a reject with its source, line and reason. A source that cannot be read is reported and skipped.
/// </summary>
internal sealed class ImportStage(BatchSession session)
{
    private readonly ClassifyingReader _reader = new(new IndicatorClassifier(), session.Guard);

    public async Task<ImportSummary> RunAsync(IReadOnlyList<string> extraInputs, CancellationToken ct)
    {
        var totals = new Totals();
        var startedAt = session.Clock.GetUtcNow();
        foreach (var (pattern, files) in CsvFileList.Expand(session.Options.Sources.CsvFiles.Concat(extraInputs)))
        {
            if (files.Count == 0)
            {
                session.Console.Warn($"no file matches \"{pattern}\" (Sources:CsvFiles); nothing read from it.");
                totals.Failed++;
            }

            foreach (var file in files)
            {
                Import(file, SourceKind.Csv, local: true, new CsvIndicatorReader().Read(file, CsvReadSettingsFor.File(file, session.Options.Sources)), totals, ct);
            }
        }

        var feedReader = new FeedReader(session.Http);
        foreach (var feed in FeedList.From(session.Options))
        {
            IReadOnlyList<SourceEntry> entries;
            try
            {
                entries = await feedReader.ReadAsync(feed, ct).ConfigureAwait(false);
            }
            catch (FeedUnavailableException ex)
            {
                session.Console.Warn($"{ex.Message}; skipped, the rest of the run goes on.");
                totals.Failed++;
                continue;
            }

            Import(feed.SourceName, SourceKind.Feed, feed.IsLocal, entries, totals, ct);
        }

        var distinct = session.Store.Imports.CountImportedSince(startedAt);
        return new ImportSummary(totals.Accepted, totals.Duplicates, totals.Rejected, totals.Read, totals.Failed, distinct);
    }

    private void Import(string sourceName, SourceKind kind, bool local, IEnumerable<SourceEntry> entries, Totals totals, CancellationToken ct)
    {
        // Nothing is committed before the first batch is checked: a refused source leaves the store as it was.
        using var writer = session.Store.Imports.BeginRead(sourceName, kind, session.Clock.GetUtcNow());
        var checkIsList = local;
        var skipped = new SkipCounts();
        try
        {
            foreach (var batch in _reader.Read(entries, ct))
            {
                ct.ThrowIfCancellationRequested();
                if (checkIsList && NotAList.Why(batch) is { } why)
                {
                    session.Console.Warn($"{sourceName} {why}; nothing was read from it. Check that the path names the list meant.");
                    totals.Failed++;
                    return;
                }

                checkIsList = false;
                foreach (var item in batch)
                {
                    if (item.Indicator is { } indicator)
                    {
                        writer.Add(indicator, item.Context);
                    }
                    else if (item.Skipped is { } reason)
                    {
                        skipped.Add(reason);
                    }
                    else
                    {
                        writer.Reject(item.Line, item.Value, item.RejectReason!);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Said here, where it is known how far this source got; the caller only knows the import stopped.
            var kept = writer.CommittedRows == 0
                ? "none of its rows is stored (the next read takes it from the start)"
                : string.Create(CultureInfo.InvariantCulture, $"its first {writer.CommittedRows:N0} rows are stored, the rest was not read");
            session.Console.Warn($"stopped while reading {sourceName}: {kept}; every source before it is stored whole.");
            throw;
        }

        writer.Complete();
        totals.Add(writer);
        var c = CultureInfo.InvariantCulture;
        session.Console.Info(string.Create(
            c,
            $"read {sourceName}: {Counted.Of(writer.Accepted, "indicator")}, {writer.Duplicates:N0} repeated, {writer.Rejected:N0} rejected{skipped.Summary()}"));
        if (writer.Accepted + writer.Duplicates + writer.Rejected + skipped.Total == 0)
        {
            session.Console.Warn($"{sourceName} holds no values.");
        }
    }

    private sealed class Totals
    {
        public long Accepted { get; private set; }

        public long Duplicates { get; private set; }

        public long Rejected { get; private set; }

        public int Read { get; private set; }

        public int Failed { get; set; }

        public void Add(IImportWriter writer)
        {
            Accepted += writer.Accepted;
            Duplicates += writer.Duplicates;
            Rejected += writer.Rejected;
            Read++;
        }
    }
}
