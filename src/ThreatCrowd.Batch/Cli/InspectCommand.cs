using System.Globalization;
using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Configuration;
using ThreatCrowd.Batch.Inputs;
using ThreatCrowd.Batch.Model;
using ThreatCrowd.Batch.Reporting;
using ThreatCrowd.Batch.Runs;

namespace ThreatCrowd.Batch.Cli;

/// <summary>
/// <c>inspect FILE</c>: how a CSV file will be read, without writing anything (no store, no tables): the
/// delimiter, the header line, each column's role and why, and the first rows as they will be classified.
/// </summary>
internal static class InspectCommand
{
    /// <summary>Entries shown: enough to see each column at work, short enough for one screen.</summary>
    public const int RowsShown = 20;

    public static int Run(BatchOptions options, CommandArguments arguments, RunConsole console)
    {
        if (arguments.Inputs.Count == 0)
        {
            throw new UsageException("inspect needs the file to look at: inspect FILE.");
        }

        var c = CultureInfo.InvariantCulture;
        var classifier = new IndicatorClassifier();
        var guard = new SendGuard(options.Lookup.Exclude);
        foreach (var path in arguments.Inputs)
        {
            var settings = CsvReadSettingsFor.File(path, options.Sources);
            var reader = new CsvIndicatorReader();
            var layout = reader.Layout(path, settings, out var preview);
            console.Info($"file: {path}");
            if (settings != CsvReadSettings.Detect with { MispToIdsOnly = settings.MispToIdsOnly })
            {
                console.Info("settings: from Sources:Files");
            }

            foreach (var line in CsvLayoutText.Describe(layout, preview))
            {
                console.Info(line);
            }

            console.Info(string.Create(c, $"first values (at most {RowsShown}):"));
            foreach (var entry in reader.Read(path, settings).Take(RowsShown))
            {
                console.Info(string.Create(c, $"  line {entry.Line,-5} {Shown(entry.Value),-40} {Outcome(entry, classifier, guard)}"));
            }

            console.Info("");
        }

        console.Info("nothing was written; run 'import' or 'run' to read the file into the store.");
        return ExitCodes.Ok;
    }

    private static string Outcome(SourceEntry entry, IndicatorClassifier classifier, SendGuard guard)
    {
        if (entry.Skipped is { } skipped)
        {
            return $"skipped: {skipped}";
        }

        if (entry.Problem is { } problem)
        {
            return $"rejected: {problem}";
        }

        var result = classifier.Classify(entry.Value, entry.TypeHint);
        if (result.Indicator is not { } indicator)
        {
            return $"rejected: {result.RejectReason}";
        }

        var context = entry.Context is { } said ? $"  [{said}]" : "";
        return guard.WhyNotAllowed(indicator) is { } why
            ? $"rejected: {why}"
            : $"{indicator.Type.ToName()} {indicator.Value}{context}";
    }

    private static string Shown(string value)
    {
        var line = value.ReplaceLineEndings(" ");
        return line.Length <= 40 ? line : string.Concat(line.AsSpan(0, 39), "…");
    }
}
