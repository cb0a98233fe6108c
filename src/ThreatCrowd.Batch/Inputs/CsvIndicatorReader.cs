using ThreatCrowd.Batch.Classification;

namespace ThreatCrowd.Batch.Inputs;

/// <summary>
/// Reads raw indicator values from a CSV file as SIEM exports and analysts write them: with or without a header,
/// comma, semicolon or tab separated, quoted or not. Entries stream out lazily; nothing that goes wrong with the
/// file throws out of the enumeration: it becomes an entry with a <see cref="SourceEntry.Problem"/>.
/// </summary>
internal sealed class CsvIndicatorReader
{
    // Only used to tell a first data row from a header; the classifying proper happens downstream.
    private readonly IndicatorClassifier classifier = new();

    /// <param name="path">The file; entries name it as given.</param>
    public IEnumerable<SourceEntry> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ReadEntries(path);
    }

    private IEnumerable<SourceEntry> ReadEntries(string path)
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

            if (CsvCells.IsBlankRow(row))
            {
                continue;
            }

            if (layout is null)
            {
                layout = CsvColumnLayout.FromFirstRow(row.Current.ToArray(), classifier);
                if (layout.IsHeader && !layout.HasValueColumns)
                {
                    yield return new SourceEntry(path, step.Line, "", null, CsvColumnLayout.NoValueColumns);
                    yield break;
                }

                if (layout.IsHeader)
                {
                    continue;
                }
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
