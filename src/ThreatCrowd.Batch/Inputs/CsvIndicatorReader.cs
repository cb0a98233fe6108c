using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// Reads raw indicator values from a CSV file as SIEM exports, feeds and analysts write them: with or without a
/// header (commented out under a banner too), comma, semicolon or tab separated, quoted or not, # comments
/// anywhere. The layout is worked out from the file's first rows (<see cref="CsvLayoutBuilder"/>), then entries
/// stream out lazily; nothing that goes wrong with the file throws out of the enumeration: it becomes an entry
/// with a <see cref="SourceEntry.Problem"/>.
/// </summary>
internal sealed class CsvIndicatorReader
{
    // Only used to judge headers and the first rows; the classifying proper happens downstream.
    private readonly CsvLayoutBuilder _builder = new(new IndicatorClassifier());

    /// <param name="path">The file; entries name it as given.</param>
    /// <param name="settings">What Sources:Files says about the file, if anything.</param>
    public IEnumerable<SourceEntry> Read(string path, CsvReadSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadEntries(path, settings ?? CsvReadSettings.Detect);
    }

    /// <summary>How the file will be read: its header, delimiter and the role of each column.</summary>
    public CsvColumnLayout Layout(string path, CsvReadSettings settings, out CsvPreview preview)
    {
        preview = CsvPreview.Read(path);
        return _builder.Build(path, preview, settings);
    }

    private IEnumerable<SourceEntry> ReadEntries(string path, CsvReadSettings settings)
    {
        CsvColumnLayout? layout = null;
        var rowEntries = new List<SourceEntry>();
        foreach (var step in CsvRecordSource.Read(path))
        {
            if (step.Record is not { } row)
            {
                yield return new SourceEntry(path, step.Line, step.Text, null, step.Problem);
                continue;
            }

            // Worked out once the file is known to open, from a preview of its own.
            layout ??= Layout(path, settings, out _);
            if (step.Line <= (layout.Header?.Line ?? 0) || CsvCells.IsBlankRow(row))
            {
                continue;
            }

            if (layout.Problem is { } problem)
            {
                yield return new SourceEntry(path, layout.Header?.Line ?? 0, "", null, problem);
                yield break;
            }

            rowEntries.Clear();
            layout.AddEntries(row, path, step.Line, rowEntries);
            foreach (var entry in rowEntries)
            {
                yield return entry;
            }
        }
    }
}
