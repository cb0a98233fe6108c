using ThreatCrowd.Batch.Store;

namespace ThreatCrowd.Batch.Tables;

/// <summary>Writes threatcrowd_indicators.csv and .json, one row per indicator, replacing both together.</summary>
internal static class IndicatorsTable
{
    public const string Name = "threatcrowd_indicators";

    /// <summary>Without <paramref name="withJson"/>, only the CSV file: the output folder holds lookups alone.</summary>
    public static Task<TableWritten> WriteAsync(string outputDirectory, IEnumerable<IndicatorRow> rows, bool withJson, CancellationToken ct)
    {
        var layout = new IndicatorLayout();
        return TableWriter.WriteAsync(outputDirectory, Name, layout, withJson ? layout : null, rows, ct);
    }
}
