using CsvHelper;
using ThreatCrowd.Batch.Classification;
using ThreatCrowd.Batch.Inputs;
using ThreatCrowd.Batch.Model;

namespace ThreatCrowd.Batch.Votes;

/// <summary>
/// Reads a CSV of <c>indicator, verdict</c> rows with the same tolerant reading as the inputs (delimiter sniffing,
/// quoting, bad bytes become problems). The first row is a header unless its second cell is a verdict; a header
/// names the value column like an input does (indicator, ioc, value, observable, or a type) and the verdict column
/// <c>verdict</c> or <c>vote</c>. Each value is classified and guarded exactly as for a lookup.
/// </summary>
internal sealed class VoteFileReader(LookupGuard guard)
{
    private static readonly string[] VerdictColumns = ["verdict", "vote"];

    private readonly IndicatorClassifier _classifier = new();

    public IEnumerable<VoteLine> Read(string path)
    {
        (int Value, int Verdict)? columns = null;
        foreach (var step in CsvRecordSource.Read(path))
        {
            if (step.Record is not { } row)
            {
                yield return VoteLine.Refused(path, step.Line, step.Text, step.Problem!);
                continue;
            }

            if (CsvCells.IsBlankRow(row))
            {
                continue;
            }

            var cells = Enumerable.Range(0, row.FieldCount).Select(row.GetString).ToArray();
            if (columns is null)
            {
                if (cells.Length < 2 || !VerdictNames.TryParse(cells[1], out _))
                {
                    columns = HeaderColumns(cells);
                    if (columns is null)
                    {
                        yield return VoteLine.Refused(path, step.Line, "", "the header names no indicator column and verdict column; use indicator,verdict");
                        yield break;
                    }

                    continue;
                }

                columns = (0, 1);
            }

            yield return ToLine(path, step.Line, cells, columns.Value);
        }
    }

    private VoteLine ToLine(string path, long line, string[] cells, (int Value, int Verdict) columns)
    {
        var value = columns.Value < cells.Length ? cells[columns.Value] : "";
        var word = columns.Verdict < cells.Length ? cells[columns.Verdict].Trim() : "";
        if (!VerdictNames.TryParse(word, out var verdict))
        {
            return VoteLine.Refused(path, line, value, $"verdict \"{word}\" is neither {VerdictNames.Malicious} nor {VerdictNames.NotMalicious}");
        }

        var classified = _classifier.Classify(value, null);
        if (classified.Indicator is not { } indicator)
        {
            return VoteLine.Refused(path, line, value, classified.RejectReason!);
        }

        return guard.WhyNotAllowed(indicator) is { } why
            ? VoteLine.Refused(path, line, value, why)
            : new VoteLine(path, line, value, indicator, verdict, null);
    }

    private static (int, int)? HeaderColumns(string[] cells)
    {
        var names = cells.Select(KnownColumns.Normalize).ToList();
        var value = names.FindIndex(KnownColumns.IsGeneric);
        value = value >= 0 ? value : names.FindIndex(KnownColumns.IsTyped);
        var verdict = names.FindIndex(VerdictColumns.Contains);
        return value >= 0 && verdict >= 0 ? (value, verdict) : null;
    }
}
