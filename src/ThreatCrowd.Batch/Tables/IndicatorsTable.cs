namespace ThreatCrowd.Batch.Tables;

/// <summary>Writes threatcrowd_indicators.csv and .json, one row per indicator, replacing both together.</summary>
internal static class IndicatorsTable
{
    public const string Name = "threatcrowd_indicators";

    public static Task<TableWritten> WriteAsync(string outputDirectory, IEnumerable<IndicatorRow> rows, CancellationToken ct)
    {
        var layout = new IndicatorLayout();
        return TableWriter.WriteAsync(outputDirectory, Name, layout, layout, rows, ct);
    }

    public static Task<TableWritten> WriteAsync(
        string outputDirectory, IAsyncEnumerable<IndicatorRow> rows, CancellationToken ct)
    {
        var layout = new IndicatorLayout();
        return TableWriter.WriteAsync(outputDirectory, Name, layout, layout, rows, ct);
    }
}
